#!/usr/bin/env bash
# The store's budget end to end (not a unit test): starts the server jar with --store-budget-mb 16 on
# a temporary embedded database, saves ~1 MB runs through POST /api/runs until a save is refused
# with "storage is full", checks /health's store size against its budget, frees room from another
# process (deletes half of the runs over H2's AUTO_SERVER connection) and checks that saves are taken
# again without a restart. Prints one PASS or FAIL line.   Usage: scripts/disk-budget.sh (needs target/playground.jar)
set -uo pipefail
cd "$(dirname "$0")/.."
JAR=${JAR:-target/playground.jar}
[ -f "$JAR" ] || { echo "build first: mvn -q -B -DskipTests package"; exit 2; }
WORK=$(mktemp -d /tmp/disk-budget.XXXXXX)
PORT=$(( 20000 + RANDOM % 20000 ))
BASE="http://127.0.0.1:$PORT"
URL="jdbc:h2:file:$WORK/data/playground;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;WRITE_DELAY=0;AUTO_SERVER=TRUE"
mkdir -p "$WORK/data"
java -Xmx384m -jar "$JAR" --host 127.0.0.1 --port "$PORT" --database-url "$URL;USER=sa;PASSWORD=" --store-budget-mb 16 \
    --saves-per-minute 10000 >"$WORK/server.log" 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null; wait $SERVER 2>/dev/null; rm -rf "$WORK"' EXIT
for _ in $(seq 600); do curl -sf -o /dev/null "$BASE/health/live" && break; sleep 0.1; done
fail() { echo "FAIL disk-budget: $*"; echo "server log: $(tail -3 "$WORK/server.log")"; exit 1; }
save() { curl -s -m 60 -w '\n%{http_code}' -H 'Content-Type: application/json' \
    -d '{"link":"networkShape=200,200&optimizer=adam","epochs":1}' "$BASE/api/runs"; }

saved=0; answer=$(save)
while [ "${answer##*$'\n'}" = 201 ] && [ $saved -lt 100 ]; do saved=$((saved + 1)); answer=$(save); done
[ "${answer##*$'\n'}" = 503 ] && grep -q "storage is full" <<<"$answer" || fail "after $saved saves: ${answer//$'\n'/ }"
health=$(curl -s "$BASE/health")
used=$(sed -n 's/.*"usedBytes":\([0-9]*\).*/\1/p' <<<"$health"); budget=$(sed -n 's/.*"budgetBytes":\([0-9]*\).*/\1/p' <<<"$health")
[ -n "$used" ] && [ "$used" -le "$budget" ] || fail "/health store: $health"
echo "filled: $saved saves taken, then refused: $(sed -n 's/.*"error":"\([^"]*\)".*/\1/p' <<<"${answer%$'\n'*}")"
echo "/health store: usedBytes $used of budgetBytes $budget"

# another process frees room while the server runs
java -cp "$JAR" org.h2.tools.Shell -url "$URL" -user sa -password "" \
    -sql "DELETE FROM runs WHERE id IN (SELECT id FROM runs ORDER BY created_at LIMIT $((saved / 2)))" >/dev/null || fail "could not free room"
for _ in $(seq 120); do answer=$(save); [ "${answer##*$'\n'}" = 201 ] && break; sleep 0.5; done
[ "${answer##*$'\n'}" = 201 ] || fail "still refused after freeing room: ${answer//$'\n'/ }"
kill -0 $SERVER 2>/dev/null || fail "the server stopped"
echo "PASS disk-budget: refused after $saved saves at $used of $budget bytes, taken again after room was freed, no restart"
