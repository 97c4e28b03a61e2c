#!/usr/bin/env bash
# One-client timings of the worklist's filter and sort combinations (docs/benchmarks.md, "The worklist's other filters
# and orders on SQLite"): for each demo user, scope, sort, state, page and deadline filter, one unmeasured request and
# the median of five. Prints the variants slower than SLOW ms (default 15). Against a running app:
#
#   tools/worklist-matrix.sh [http://127.0.0.1:5391] [user ...]      # users default: clerk manager reviewer
#
# The load run's app (tools/load.sh) is one; start it with LOAD_KEEP=1 and run this instead of loadrun, or start the app
# by hand on a copy of the seeded file. Password: the demo users' (Demo@2026).
set -euo pipefail
url=${1:-http://127.0.0.1:5391}
shift || true
users=("$@")
[[ ${#users[@]} -gt 0 ]] || users=(clerk manager reviewer)
jar=$(mktemp -d)
trap 'rm -rf "$jar"' EXIT

login() {
  local j=$jar/$1 token
  token=$(curl -s -c "$j" -b "$j" "$url/Account/Login" | grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' | sed 's/.*value="//;s/"$//')
  curl -s -o /dev/null -c "$j" -b "$j" --data-urlencode "UserName=$1" --data-urlencode "Password=${DEMO_PASSWORD:-Demo@2026}" \
    --data-urlencode "__RequestVerificationToken=$token" "$url/Account/Login"
}

for user in "${users[@]}"; do
  login "$user"
  for scope in mine agency all-states; do for sort in "" received number; do for state in "" received processing archived; do
  for page in 1 100; do for extra in "" "&Overdue=true" "&DueWithin=5"; do
    query="?Scope=$scope&Sort=$sort&State=$state&PageNumber=$page$extra"
    curl -s -o /dev/null -b "$jar/$user" "$url/Cases$query"
    median=$(for _ in 1 2 3 4 5; do curl -s -o /dev/null -w "%{time_total}\n" -b "$jar/$user" "$url/Cases$query"; done | sort -n | sed -n 3p)
    ms=$(awk "BEGIN { printf \"%d\", $median * 1000 }")
    if (( ms > ${SLOW:-15} )); then printf "%6d ms  %-8s %s\n" "$ms" "$user" "$query"; fi
  done; done; done; done; done
done
