#!/usr/bin/env bash
# Class-room benchmark across replicas, on loopback: REPLICAS replicas of the jar on one
# throwaway PostgreSQL behind nginx (deploy/nginx/playground.conf), STUDENTS simulated C1 students
# in one room, all through nginx: RoomBench (src/test/.../bench/RoomBench.java, the same program
# as scripts/room-bench.sh) measures the students' frames/s and the dashboard's updates without and
# with the dashboard; the replicas' CPU is read from /proc around it.
#
# On loopback every student is 127.0.0.1, so nginx's address hash would put them all on one
# replica. Students from many addresses spread evenly under the hash, each keeping its replica
# for its join and its socket: the bench does the same through nginx's per-replica ports
# (cluster-lib.sh), student i on replica i mod REPLICAS; room and dashboard on the first.
#
# Usage: scripts/cluster-bench.sh [REPLICAS=2] [STUDENTS=400] [SECONDS=10]
#   e.g. scripts/cluster-bench.sh 2 400 10   against   scripts/cluster-bench.sh 1 200 10
set -euo pipefail
cd "$(dirname "$0")/.."
REPLICAS=${1:-2}; STUDENTS=${2:-400}; SECONDS_=${3:-10}

. scripts/cluster-lib.sh
trap cluster_cleanup EXIT
trap 'exit 130' INT TERM

mvn -q -B -DskipTests package test-compile
CP="target/test-classes:target/classes:$(mvn -q -B dependency:build-classpath -Dmdep.outputFile=/dev/stdout)"
cluster_prepare
IDS=(a b c d e f g h)
for ((i = 0; i < REPLICAS; i++)); do
  REPLICA_JVM_OPTS="-Xmx768m" start_replica "${IDS[$i]}" --max-sessions 2000 --max-sessions-per-address 2000 \
    --max-students-per-room "$STUDENTS"
done
for ((i = 0; i < REPLICAS; i++)); do wait_http "http://127.0.0.1:${PORTS[${IDS[$i]}]}/health/live" "replica ${IDS[$i]}"; done
start_nginx
VIA_PORTS=$(for ((i = 0; i < REPLICAS; i++)); do echo -n "${VIA[${IDS[$i]}]},"; done)
VIA_PORTS=${VIA_PORTS%,}
cluster_log "$REPLICAS replica(s) behind nginx (ports $VIA_PORTS), $STUDENTS students"

cpu_ticks() {   # utime + stime of every replica, in clock ticks
  local total=0 pid f
  for pid in "${PIDS[@]}"; do
    f=$(sed 's/.*) //' "/proc/$pid/stat")
    total=$((total + $(echo "$f" | awk '{print $12 + $13}')))
  done
  echo "$total"
}

# how many sessions each replica holds, sampled every 2 s while the bench runs
( while sleep 2; do
    for ((i = 0; i < REPLICAS; i++)); do
      id=${IDS[$i]}
      echo "$id $(curl -s "http://127.0.0.1:${PORTS[$id]}/health" | sed -n 's/.*"sessions":\([0-9]*\).*/\1/p')"
    done
  done ) >"$CLUSTER_DIR/sessions.txt" 2>/dev/null &
SAMPLER=$!
t0=$(date +%s.%N); c0=$(cpu_ticks)
# RoomBench's own CPU figures read the first replica's process only; the total is below
java -cp "$CP" org.nnplayground.playground.bench.RoomBench "$VIA_PORTS" "${PIDS[a]}" "$STUDENTS" "$SECONDS_"
t1=$(date +%s.%N); c1=$(cpu_ticks)
kill "$SAMPLER" 2>/dev/null || true
awk -v c="$((c1 - c0))" -v t0="$t0" -v t1="$t1" -v hz="$(getconf CLK_TCK)" -v n="$REPLICAS" \
  'BEGIN { printf "replicas: %d, their CPU over the whole run (joins included): %.2f cores\n", n, c / hz / (t1 - t0) }'
for ((i = 0; i < REPLICAS; i++)); do
  id=${IDS[$i]}
  echo "replica $id sessions every 2 s: $(awk -v id="$id" '$1 == id { printf "%s ", $2 }' "$CLUSTER_DIR/sessions.txt")"
done
# nginx's complaints about the replicas (a replica taken out for fail_timeout moves new sockets to the others)
if grep -q "upstream" "$CLUSTER_DIR/nginx/error.log" 2>/dev/null; then
  echo "nginx: $(grep -c upstream "$CLUSTER_DIR/nginx/error.log") upstream errors, e.g.:"
  grep upstream "$CLUSTER_DIR/nginx/error.log" | head -n 3 | cut -c1-300
fi
