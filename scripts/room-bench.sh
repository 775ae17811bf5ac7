#!/usr/bin/env bash
# Class-room benchmark on loopback: starts the server jar, puts N simulated C1 students in one
# room, measures their frame rate without and with the teacher's dashboard, then with the
# dashboard's class view off and on (goal: on costs them at most 3 %), then the teacher's
# projector page in headless Chromium (goal: at least 30 frames/s), and stops the server.
# Usage: scripts/room-bench.sh [STUDENTS=200] [SECONDS=15] [server flags...]
# (PAGE=0 leaves out the page.) Takes about 13 x SECONDS plus joining.
set -euo pipefail
cd "$(dirname "$0")/.."
STUDENTS=${1:-200}; SECONDS_=${2:-15}; shift $(( $# < 2 ? $# : 2 ))
mvn -q -B -DskipTests package test-compile
# through a file: on a terminal maven wraps what it prints in colour codes, which spoil the last jar's path
CPFILE=$(mktemp); mvn -q -B dependency:build-classpath -Dmdep.outputFile="$CPFILE"
CP="target/test-classes:target/classes:$(cat "$CPFILE")"; rm -f "$CPFILE"
PORT=$(( 20000 + RANDOM % 20000 ))
java -Xmx768m ${SERVER_JVM_OPTS:-} -jar target/playground.jar --host 127.0.0.1 --port "$PORT" \
  --max-sessions-per-address 2000 --max-sessions 2000 --max-students-per-room "$STUDENTS" --data-dir "$(mktemp -d)" "$@" >/tmp/room-bench-server.log 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true' EXIT
for _ in $(seq 50); do curl -sf "http://127.0.0.1:$PORT/health" >/dev/null && break; sleep 0.2; done
java -cp "$CP" org.nnplayground.playground.bench.RoomBench "$PORT" "$SERVER" "$STUDENTS" "$SECONDS_" "$([ "${PAGE:-1}" = 0 ] || echo page)"
