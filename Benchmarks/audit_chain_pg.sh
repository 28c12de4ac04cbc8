#!/usr/bin/env bash
# The team store's audit-chain trigger under concurrent writers (issue 22, point 5): pgbench runs
# 8 clients appending audit rows for 8 different cases ("diff") and all for one case ("same"), on
# the current schema (chain heads in unge.kaedehoved, hourly anchors), on the same schema with the
# anchor due at every event (the worst case), and with migration 7's trigger put back (no heads,
# no anchors) as the baseline. Kept out of CI.
#
#   bash Benchmarks/audit_chain_pg.sh SOCKETDIR PORT [SECONDS]
#
# SOCKETDIR/PORT: a throw-away cluster (see .ci/run), reached as the postgres superuser. Needs the
# team build (.build-pg/debug/unge) and pgbench. Creates and drops the databases ub_new and ub_old.
set -euo pipefail
cd "$(dirname "$0")/.."
sock=$1 port=$2 secs=${3:-8}
bin=.build-pg/debug/unge
pgbin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
psql() { "$pgbin/psql" -h "$sock" -p "$port" -U postgres -q "$@"; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"; psql -c "DROP DATABASE IF EXISTS ub_new" -c "DROP DATABASE IF EXISTS ub_old" 2>/dev/null' EXIT
cat > "$tmp/diff.sql" <<'SQL'
SELECT unge.skriv_log('unge', 'B-' || :client_id, NULL, jsonb_build_object('schemaVersion', 1, 'time', '2026-09-01T08:30:00Z', 'action', 'update', 'caseID', 'B-' || :client_id, 'command', 'notat'));
SQL
cat > "$tmp/same.sql" <<'SQL'
SELECT unge.skriv_log('unge', 'B-1', NULL, jsonb_build_object('schemaVersion', 1, 'time', '2026-09-01T08:30:00Z', 'action', 'update', 'caseID', 'B-1', 'command', 'notat'));
SQL
# Migration 7's trigger function, from the source.
python3 - > "$tmp/old.sql" <<'PY'
s = open("Sources/UngeStore/PostgreSQL/PostgresSchema.swift").read()
m = s[s.index("static let migrationKaede"):]
body = m[m.index("CREATE FUNCTION unge.log_kaede()"):m.index("CREATE TRIGGER log_kaede")]
print("SET ROLE unge_ejer;\n" + body.replace("CREATE FUNCTION", "CREATE OR REPLACE FUNCTION") + "\nDROP TRIGGER log_anker ON unge.log;")
PY
for db in ub_new ub_old; do
    psql -c "DROP DATABASE IF EXISTS $db" -c "CREATE DATABASE $db" 2>/dev/null
    "$bin" lager init "postgresql:///$db?host=$sock&port=$port&user=postgres" >/dev/null
done
psql -d ub_old -f "$tmp/old.sql"
run() {
    for f in diff same; do
        r=$("$pgbin/pgbench" -h "$sock" -p "$port" -U postgres -n -c 8 -j 2 -T "$secs" -f "$tmp/$f.sql" "$1" 2>&1 |
            grep -E "^tps|latency average" | tr '\n' ' ')
        echo "$2, $f cases: $r"
    done
}
run ub_old "migration 7 trigger (no heads, no anchors)"
run ub_new "heads and hourly anchors"
psql -d ub_new -c "UPDATE unge.anker SET hvert = '0'"
run ub_new "an anchor due at every event"
echo "anchor rows / all rows: $(psql -d ub_new -At -c "SELECT count(*) FILTER (WHERE haendelse->>'action' = 'anchor') || ' / ' || count(*) FROM unge.log")"
