#!/usr/bin/env bash
# Load benchmark on loopback: starts the server jar, runs N simulated students, stops the server.
# Usage: scripts/load-bench.sh [SESSIONS=200] [SECONDS=20] [C2_SHARE=0] [STALLED=0] [server flags...]
# BENCH_OPTS=-Dbench.heavy=5 adds 5 unmeasured students on the digits network (the fairness check).
set -euo pipefail
cd "$(dirname "$0")/.."
SESSIONS=${1:-200}; SECONDS_=${2:-20}; C2=${3:-0}; STALLED=${4:-0}; shift $(( $# < 4 ? $# : 4 ))
mvn -q -B -DskipTests package test-compile
CP="target/test-classes:target/classes:$(mvn -q -B dependency:build-classpath -Dmdep.outputFile=/dev/stdout)"
PORT=$(( 20000 + RANDOM % 20000 ))
java -Xmx768m ${SERVER_JVM_OPTS:-} -jar target/playground.jar --host 127.0.0.1 --port "$PORT" --max-sessions-per-address 2000 --max-sessions 2000 "$@" >/tmp/load-bench-server.log 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true' EXIT
for _ in $(seq 150); do curl -sf "http://127.0.0.1:$PORT/health" >/dev/null && break; sleep 0.2; done
java ${BENCH_OPTS:-} -cp "$CP" org.nnplayground.playground.bench.LoadBench "$PORT" "$SERVER" "$SESSIONS" "$SECONDS_" "$C2" "$STALLED"
