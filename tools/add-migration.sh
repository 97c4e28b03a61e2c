#!/usr/bin/env bash
# Adds an EF Core migration for both providers: tools/add-migration.sh NameOfMigration
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet run --project tools/MigrationsGen -- "$1" "$PWD/src/DisclosureCases"
