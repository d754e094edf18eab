#!/usr/bin/env bash
# Creates fresh, empty databases on the local PostgreSQL (run as root or as the postgres user):
# courtesy_it and courtesy_system (role courtesy_test) for the tests, courtesy_bench (role
# courtesy_bench) for ./courtesy benchmark, courtesy_cluster (role courtesy_cluster) for
# ./courtesy cluster. The fault suite (./courtesy faults) restarts its PostgreSQL while it works, so
# it gets a PostgreSQL of its own, the cluster 15/faults on 127.0.0.1:24432, created here when
# missing, with the database courtesy_faults (role courtesy_faults).
set -euo pipefail
psql_admin() {
  if [[ $(id -un) == postgres ]]; then psql -v ON_ERROR_STOP=1 -q "$@"; else su postgres -c "psql -v ON_ERROR_STOP=1 -q $(printf '%q ' "$@")"; fi
}
fresh() {
  local db=$1 role=$2 port=$3
  psql_admin -p "$port" -c "drop database if exists $db with (force)" -c "drop role if exists $role" \
    -c "create role $role login password '$role'" -c "create database $db owner $role"
}
for db in courtesy_it courtesy_system; do
  psql_admin -c "drop database if exists $db with (force)"
done
psql_admin -c "drop role if exists courtesy_test" -c "create role courtesy_test login password 'courtesy_test'"
psql_admin -c "create database courtesy_it owner courtesy_test" -c "create database courtesy_system owner courtesy_test"
fresh courtesy_bench courtesy_bench 5432
fresh courtesy_cluster courtesy_cluster 5432
faults_cluster() { pg_lsclusters -h | awk '$1 == 15 && $2 == "faults" { print $4 }'; }
if [[ -z $(faults_cluster) ]]; then
  pg_createcluster 15 faults --port 24432 -- --auth-local=peer --auth-host=scram-sha-256 >/dev/null
fi
[[ $(faults_cluster) == online ]] || pg_ctlcluster --skip-systemctl-redirect 15 faults start
fresh courtesy_faults courtesy_faults 24432
echo "Created databases courtesy_it, courtesy_system (role courtesy_test), courtesy_bench,"
echo "courtesy_cluster and, on 127.0.0.1:24432, courtesy_faults (each with the role of its name)"
