#!/usr/bin/env bash
# Several replicas behind a load balancer on loopback: a throwaway PostgreSQL and
# nginx (Debian's packages, installed with apt-get when missing), two replicas of
# target/playground.jar (built when missing) on that database, then checks THROUGH nginx with a
# WebSocket client (scripts/ClusterSmoke.java):
#   room   a room whose teacher and students sit on different replicas: cards, pause all, push
#   saved  a run saved on one replica opens on either
#   kill   SIGKILL of a replica: its students resume their runs on the other within 10 s, in the room
#   drain  SIGTERM of a replica: sockets closed with 1012, every run resumed, nothing lost
# Prints a PASS line per step and "PASS cluster-smoke" at the end; exits 1 if any check failed.
# Everything it starts (PostgreSQL, nginx, the replicas) is stopped and its files removed on exit.
#
# nginx runs deploy/nginx/playground.conf itself (its replicas and port rewritten): the balanced
# port, with address-hash affinity and failover to the next replica. On loopback every client is
# 127.0.0.1, so that hash alone would put every socket on one replica; the smoke adds one port per
# replica (the same server block, generated from the file, proxying to that replica only) to place
# the teacher and each student where a check needs them. Every reconnection after a failure goes
# through the balanced port, as a student's page would.
#
# Usage: scripts/cluster-smoke.sh [CHECK...]   (default: room saved kill drain)
# Needs: a JDK 17, curl, apt-get (or nginx and postgresql already installed); root or sudo to install.
set -euo pipefail
cd "$(dirname "$0")/.."
CHECKS=("$@")
[ ${#CHECKS[@]} -gt 0 ] || CHECKS=(room saved kill drain)
for check in "${CHECKS[@]}"; do
  case "$check" in
    room|saved|kill|drain) ;;
    *) echo "unknown check '$check' (room, saved, kill, drain)" >&2; exit 64 ;;
  esac
done

. scripts/cluster-lib.sh   # cluster_prepare, start_replica, start_nginx, cluster_cleanup
trap cluster_cleanup EXIT
trap 'exit 130' INT TERM

cluster_prepare
start_replica a
start_replica b
wait_http "http://127.0.0.1:${PORTS[a]}/health/live" "replica a"
wait_http "http://127.0.0.1:${PORTS[b]}/health/live" "replica b"
cluster_log "replicas a (pid ${PIDS[a]}, port ${PORTS[a]}) and b (pid ${PIDS[b]}, port ${PORTS[b]})"
start_nginx   # deploy/nginx/playground.conf as it is (address-hash affinity)
cluster_log "nginx (pid $NGINX_PID): balanced port $LB, pinned to a ${VIA[a]}, pinned to b ${VIA[b]}"

# ---------------------------------------------------------------- the checks
FAILED=()
run_check() {   # run_check NAME: one check of ClusterSmoke.java, against the replicas as they are now
  local name=$1
  cluster_log "check $name"
  if java -cp target/playground.jar scripts/ClusterSmoke.java "$name" "$LB" "${VIA[a]}" "${VIA[b]}" "${PIDS[a]}" "${PIDS[b]}"; then
    return 0
  fi
  FAILED+=("$name")
}

replica_b_alive() { kill -0 "${PIDS[b]}" 2>/dev/null; }

for check in "${CHECKS[@]}"; do
  # kill and drain end replica b: start a new one for the checks after them
  if ! replica_b_alive; then
    cluster_log "starting replica b again"
    start_replica b
    wait_http "http://127.0.0.1:${PORTS[b]}/health" "replica b"
  fi
  run_check "$check"
done

if [ ${#FAILED[@]} -gt 0 ]; then
  cluster_log "logs of the replicas (last lines):"
  for id in a b; do echo "--- replica $id"; grep -v " INFO " "$CLUSTER_DIR/replica-$id.log" | tail -n 15; done
  echo "FAIL cluster-smoke: ${FAILED[*]}"
  exit 1
fi
echo "PASS cluster-smoke"
