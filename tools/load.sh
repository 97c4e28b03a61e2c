#!/usr/bin/env bash
# The load run of docs/benchmarks.md: seeds N cases into a fresh database (SQLite file or PostgreSQL database), starts
# the app in Release against a copy of it, and runs tools/LoadRun with 50 concurrent clients (bounded in count and time).
# Every run starts from the seeded state: the load generator's intakes (all from one applicant) go into the copy, so
# that runs do not grow the seeded database and each run measures the seeded state (docs/benchmarks.md, 2026-12-07).
#
#   tools/load.sh sqlite   [--cases 1000000] [loadrun options...]
#   tools/load.sh postgres [--cases 1000000] [loadrun options...]      # needs DISCLOSURE_TEST_POSTGRES
#
# On PostgreSQL the database's tables and indexes are read into the server's buffers first (pg_prewarm).
# Environment: LOAD_DIR (default /tmp/disclosure-load: the SQLite file and the logs), LOAD_KEEP=1 to reuse an
# already seeded database of the same size instead of seeding again, LOAD_PORT (default 5391).
# The run's copy: $LOAD_DIR/run-N.db on SQLite, the database disclosure_load_N_run on PostgreSQL.
# loadrun options: --clients 50 --requests 20000 --seconds 120 --warmup-seconds 90 --mix worklist=45,case=40,intake=10,similar=5
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
provider=${1:?usage: tools/load.sh sqlite|postgres [--cases N] [loadrun options]}
shift
cases=1000000
if [[ ${1:-} == --cases ]]; then cases=$2; shift 2; fi
dir=${LOAD_DIR:-/tmp/disclosure-load}
port=${LOAD_PORT:-5391}
mkdir -p "$dir"

dotnet build -c Release "$root/src/DisclosureCases" -v q -nologo >/dev/null
dotnet build -c Release "$root/tools/LoadRun" -v q -nologo >/dev/null
app="$root/src/DisclosureCases/bin/Release/net10.0/DisclosureCases"
loadrun="$root/tools/LoadRun/bin/Release/net10.0/loadrun"

export Quartz__Enabled=false Demo__Cases=0 Demo__PrintLogins=false Paths__Root="$root"
case $provider in
  sqlite)
    export Database__Provider=Sqlite Database__Path="$dir/load-$cases.db"
    fresh() { rm -f "$Database__Path" "$Database__Path-wal" "$Database__Path-shm"; }
    seeded() { [[ -f $Database__Path ]]; }
    # The file and its write-ahead log together (no process has them open now); SQLite rebuilds the -shm.
    copy_for_run() {
      local run="$dir/run-$cases.db"
      rm -f "$run" "$run-wal" "$run-shm"
      cp "$Database__Path" "$run"
      if [[ -f $Database__Path-wal ]]; then cp "$Database__Path-wal" "$run-wal"; fi
      export Database__Path="$run"
    }
    ;;
  postgres)
    : "${DISCLOSURE_TEST_POSTGRES:?set it: export DISCLOSURE_TEST_POSTGRES=\"\$(.ci/postgres)\"}"
    db="disclosure_load_$cases"
    export Database__Provider=PostgreSQL ConnectionStrings__Postgres="$DISCLOSURE_TEST_POSTGRES;Database=$db"
    psql_admin() { PGPASSWORD=postgres psql -h 127.0.0.1 -U postgres -qAt "$@"; }
    fresh() { psql_admin -c "DROP DATABASE IF EXISTS $db" -c "CREATE DATABASE $db"; }
    seeded() { [[ $(psql_admin -c "SELECT 1 FROM pg_database WHERE datname = '$db'") == 1 ]]; }
    copy_for_run() {
      psql_admin -c "DROP DATABASE IF EXISTS ${db}_run" -c "CREATE DATABASE ${db}_run TEMPLATE $db"
      db="${db}_run"
      export ConnectionStrings__Postgres="$DISCLOSURE_TEST_POSTGRES;Database=$db"
    }
    ;;
  *) echo "provider must be sqlite or postgres" >&2; exit 2 ;;
esac

start_app() {
  Urls="http://127.0.0.1:$port" "$app" >"$dir/app-$provider.log" 2>&1 &
  app_pid=$!
  for _ in $(seq 1 600); do
    grep -q "Application started" "$dir/app-$provider.log" 2>/dev/null && return 0
    kill -0 "$app_pid" 2>/dev/null || { cat "$dir/app-$provider.log" >&2; exit 1; }
    sleep 1
  done
  echo "the app did not start in 10 minutes" >&2; exit 1
}

if [[ ${LOAD_KEEP:-} != 1 ]] || ! seeded; then
  fresh
  # The first start creates the schema, the demo agencies and users (no demo cases); then the bulk seed.
  start_app; kill "$app_pid"; wait "$app_pid" || true
  (cd "$dir" && time "$app" seed --cases "$cases" --batch 20000 | tail -n 1)
  # What the similar-candidates job would do in the background over days: every case's candidates, kept.
  (cd "$dir" && time "$app" similar fill | tail -n 1)
fi

copy_for_run
if [[ $provider == postgres ]]; then
  # A server that has been serving for a while holds its tables in its buffers; the load run's warm-up reads random
  # cases and would take many minutes to fill a large shared_buffers. pg_prewarm (PostgreSQL's contrib) reads them in
  # now, as far as they fit; without the extension the run goes on cold.
  psql_admin -d "$db" -c "CREATE EXTENSION IF NOT EXISTS pg_prewarm" \
    -c "SELECT 'prewarmed ' || pg_size_pretty(sum(pg_prewarm(c.oid)) * current_setting('block_size')::bigint) || ' into shared_buffers of ' || current_setting('shared_buffers') FROM pg_class c WHERE c.relkind IN ('r', 'i') AND c.relnamespace = 'public'::regnamespace" \
    || echo "pg_prewarm not available: the buffers start cold"
fi

start_app
trap 'kill $app_pid 2>/dev/null || true' EXIT
echo "app pid $app_pid ($provider, $cases cases)"
"$loadrun" --url "http://127.0.0.1:$port" --pid "$app_pid" "$@"
