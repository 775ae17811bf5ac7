#!/usr/bin/env bash
# "Hostile class" benchmark on loopback (not a test): starts the server jar, lets HONEST C1 students
# play before, during and after an attack (heavy steps, CSV floods, odd messages, 20 stalled
# players, connect/close churn), reports their frame rates, /health, the worst turn and RSS.
# Also prints what the indivisible pieces of work cost on this machine (WorkCostBench).
# ATTACKER_NICE=N runs the attackers in a JVM of their own at nice N (as on machines of their own).
# Usage: [ATTACKS=heavy,csv,odd,stalled,churn,upload,draw,drawing] [ATTACKER_NICE=10] scripts/hostile-bench.sh [HONEST=20] [SECONDS=15] [server flags...]
set -euo pipefail
cd "$(dirname "$0")/.."
HONEST=${1:-20}; SECONDS_=${2:-15}; shift $(( $# < 2 ? $# : 2 ))
mvn -q -B -DskipTests package test-compile
CP="target/test-classes:target/classes:$(mvn -q -B dependency:build-classpath -Dmdep.outputFile=/dev/stdout)"
java -cp "$CP" org.nnplayground.playground.session.WorkCostBench
PORT=$(( 20000 + RANDOM % 20000 ))
java -Xmx768m ${SERVER_JVM_OPTS:-} -jar target/playground.jar --host 127.0.0.1 --port "$PORT" --max-sessions-per-address 2000 --max-sessions 2000 "$@" >/tmp/hostile-bench-server.log 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true' EXIT
for _ in $(seq 50); do curl -sf "http://127.0.0.1:$PORT/health" >/dev/null && break; sleep 0.2; done
java -cp "$CP" org.nnplayground.playground.bench.HostileBench "$PORT" "$SERVER" "$HONEST" "$SECONDS_" ${ATTACKS:+"$ATTACKS"}
