#!/usr/bin/env bash
# "A 201 means durable" (not a unit test): ROUNDS times, start the server jar on one temporary data
# directory, save runs in LOOPS parallel loops through POST /api/runs recording every id answered 201,
# SIGKILL the server at a random moment while saves are in flight, restart it, and check that the
# store opens and every acknowledged id reads back 200. Prints one PASS or FAIL line at the end.
# Usage: scripts/kill-durability.sh [ROUNDS=20] [LOOPS=4] [server flags...]   (needs target/playground.jar)
set -uo pipefail
cd "$(dirname "$0")/.."
ROUNDS=${1:-20}; LOOPS=${2:-4}; shift $(( $# < 2 ? $# : 2 ))
JAR=${JAR:-target/playground.jar}
[ -f "$JAR" ] || { echo "build first: mvn -q -B -DskipTests package"; exit 2; }
WORK=$(mktemp -d /tmp/kill-durability.XXXXXX)
DATA="$WORK/data"
PORT=$(( 20000 + RANDOM % 20000 ))
BASE="http://127.0.0.1:$PORT"
SERVER=
LOOP_PIDS=()
cleanup() {
    for p in "${LOOP_PIDS[@]}"; do kill "$p" 2>/dev/null; done
    [ -n "$SERVER" ] && kill -9 "$SERVER" 2>/dev/null
    rm -rf "$WORK"
}
trap cleanup EXIT

start_server() {
    java -Xmx256m -jar "$JAR" --host 127.0.0.1 --port "$PORT" --data-dir "$DATA" --saves-per-minute 10000 "$@" \
        >>"$WORK/server.log" 2>&1 &
    SERVER=$!
    for _ in $(seq 300); do
        curl -sf -o /dev/null "$BASE/health/live" && return 0
        kill -0 "$SERVER" 2>/dev/null || return 1
        sleep 0.1
    done
    return 1
}

# one loop: saves until killed, appending each id the server answered 201 to its own file
save_loop() {
    local out=$1 body
    while true; do
        body=$(curl -s -m 10 -w '\n%{http_code}' -H 'Content-Type: application/json' \
            -d '{"link":"dataset=xor&networkShape=4,2&seed=0.1","epochs":2}' "$BASE/api/runs") || continue
        if [ "${body##*$'\n'}" = 201 ]; then
            sed -n 's/.*"id":"\([^"]*\)".*/\1/p' <<<"${body%$'\n'*}" >>"$out"
        fi
    done
}

acked=0; lost=0; unopenable=0
for round in $(seq "$ROUNDS"); do
    if ! start_server "$@"; then
        echo "round $round: the server did not start on the data directory left by the last kill"
        unopenable=$((unopenable + 1)); break
    fi
    # one save first: the store is open (migrated) before the clock of the kill starts
    curl -s -o /dev/null -m 60 -H 'Content-Type: application/json' -d '{"link":"dataset=xor","epochs":0}' "$BASE/api/runs"
    LOOP_PIDS=()
    for l in $(seq "$LOOPS"); do save_loop "$WORK/acked.$round.$l" & LOOP_PIDS+=($!); done
    sleep "$(awk -v s="$RANDOM" 'BEGIN { srand(s); printf "%.2f", 0.3 + rand() * 1.7 }')"
    kill -9 "$SERVER"; wait "$SERVER" 2>/dev/null
    for p in "${LOOP_PIDS[@]}"; do kill "$p" 2>/dev/null; wait "$p" 2>/dev/null; done
    LOOP_PIDS=()
    cat "$WORK"/acked.$round.* 2>/dev/null | sort -u >"$WORK/round.$round"
    n=$(wc -l <"$WORK/round.$round")
    if ! start_server "$@"; then
        echo "round $round: $n saves acknowledged; the store did not open after the kill"
        unopenable=$((unopenable + 1)); break
    fi
    if [ "$(curl -s -o /dev/null -w '%{http_code}' -H 'Content-Type: application/json' \
            -d '{"link":"dataset=xor","epochs":0}' "$BASE/api/runs")" != 201 ]; then
        echo "round $round: the store opened but refused a new save"; unopenable=$((unopenable + 1))
    fi
    missing=0
    while read -r id; do
        code=$(curl -s -o /dev/null -w '%{http_code}' "$BASE/api/runs/$id")
        [ "$code" = 200 ] && continue
        missing=$((missing + 1))
        echo "round $round: run $id was acknowledged 201, now answers $code"
    done <"$WORK/round.$round"
    acked=$((acked + n)); lost=$((lost + missing))
    echo "round $round: $n saves acknowledged before SIGKILL, $missing lost"
    kill "$SERVER"; wait "$SERVER" 2>/dev/null; SERVER=
done
if [ "$lost" -eq 0 ] && [ "$unopenable" -eq 0 ] && [ "$acked" -gt 0 ]; then
    echo "PASS kill-durability: $ROUNDS SIGKILL rounds, $acked acknowledged saves, 0 lost, store opened every time"
else
    echo "FAIL kill-durability: $acked acknowledged saves, $lost lost, $unopenable round(s) with a store that did not open or save"
    cp "$WORK/server.log" /tmp/kill-durability-server.log
    echo "the server's log of every round: /tmp/kill-durability-server.log"
    exit 1
fi
