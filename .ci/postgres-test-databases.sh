#!/usr/bin/env bash
# Creates fresh, empty test databases courtesy_it and courtesy_system owned by role courtesy_test
# on the local PostgreSQL (run as root or as the postgres user).
set -euo pipefail
psql_admin() {
  if [[ $(id -un) == postgres ]]; then psql -v ON_ERROR_STOP=1 -q "$@"; else su postgres -c "psql -v ON_ERROR_STOP=1 -q $(printf '%q ' "$@")"; fi
}
psql_admin -c "drop database if exists courtesy_it" -c "drop database if exists courtesy_system"
psql_admin -c "drop role if exists courtesy_test"
psql_admin -c "create role courtesy_test login password 'courtesy_test'"
psql_admin -c "create database courtesy_it owner courtesy_test" -c "create database courtesy_system owner courtesy_test"
echo "Created databases courtesy_it and courtesy_system (role courtesy_test)"
