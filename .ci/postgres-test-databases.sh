#!/usr/bin/env bash
# Creates fresh, empty databases on the local PostgreSQL (run as root or as the postgres user):
# courtesy_it and courtesy_system (role courtesy_test) for the tests, courtesy_bench (role
# courtesy_bench) for ./courtesy benchmark.
set -euo pipefail
psql_admin() {
  if [[ $(id -un) == postgres ]]; then psql -v ON_ERROR_STOP=1 -q "$@"; else su postgres -c "psql -v ON_ERROR_STOP=1 -q $(printf '%q ' "$@")"; fi
}
for db in courtesy_it courtesy_system courtesy_bench; do
  psql_admin -c "drop database if exists $db with (force)"
done
for role in courtesy_test courtesy_bench; do
  psql_admin -c "drop role if exists $role" -c "create role $role login password '$role'"
done
psql_admin -c "create database courtesy_it owner courtesy_test" -c "create database courtesy_system owner courtesy_test"
psql_admin -c "create database courtesy_bench owner courtesy_bench"
echo "Created databases courtesy_it, courtesy_system (role courtesy_test) and courtesy_bench (role courtesy_bench)"
