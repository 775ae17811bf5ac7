#!/usr/bin/env bash
# Several replicas behind a load balancer (issue 13), on loopback: a throwaway PostgreSQL and
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
ROOT=$(pwd)
CHECKS=("$@")
[ ${#CHECKS[@]} -gt 0 ] || CHECKS=(room saved kill drain)

log() { echo "[cluster-smoke] $*"; }

. scripts/test-services.sh   # start_test_postgres / stop_test_services, free_port

WORK=$(mktemp -d /tmp/playground-cluster.XXXXXX)
chmod 755 "$WORK"            # nginx's workers (nobody, when we are root) write their temp files below
declare -A PIDS=()
NGINX_PID=""

cleanup() {
  set +e
  for id in "${!PIDS[@]}"; do
    kill "${PIDS[$id]}" 2>/dev/null
  done
  if [ -n "$NGINX_PID" ]; then kill "$NGINX_PID" 2>/dev/null; fi
  sleep 1
  for id in "${!PIDS[@]}"; do kill -9 "${PIDS[$id]}" 2>/dev/null; done
  if [ -n "$NGINX_PID" ]; then kill -9 "$NGINX_PID" 2>/dev/null; fi
  stop_test_services
  rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# ---------------------------------------------------------------- what it needs
SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"
if ! command -v nginx >/dev/null 2>&1 && [ ! -x /usr/sbin/nginx ]; then
  log "installing nginx"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq nginx >/dev/null
fi
NGINX=$(command -v nginx || echo /usr/sbin/nginx)
command -v curl >/dev/null || { log "curl is needed"; exit 1; }
if [ ! -f target/playground.jar ]; then
  log "building target/playground.jar"
  MVN=mvn; command -v mvn >/dev/null 2>&1 || MVN=./mvnw
  "$MVN" -q -B -DskipTests package
fi
start_test_postgres >/dev/null   # Debian's postgresql, installed when missing, as user postgres: PG_TEST_URL
log "PostgreSQL at $PG_TEST_URL"

# ---------------------------------------------------------------- the replicas
PORT_A=$(free_port); PORT_B=$(free_port)
while [ "$PORT_B" = "$PORT_A" ]; do PORT_B=$(free_port); done
declare -A PORTS=([a]=$PORT_A [b]=$PORT_B)

start_replica() {   # start_replica ID: on its port, on the shared database, trusting nginx on loopback
  local id=$1
  java -Xmx256m -jar target/playground.jar --host 127.0.0.1 --port "${PORTS[$id]}" --replica-id "$id" \
    --trusted-proxies 127.0.0.1 --database-url "$PG_TEST_URL" --checkpoint-seconds 2 \
    --data-dir "$WORK/data-$id" >>"$WORK/replica-$id.log" 2>&1 &
  PIDS[$id]=$!
}

wait_http() {   # wait_http URL WHAT: up to 60 s for a 200
  for _ in $(seq 1 300); do
    if curl -sf -o /dev/null "$1"; then return 0; fi
    sleep 0.2
  done
  log "$2 did not answer $1 within 60 s"; tail -n 30 "$WORK"/replica-*.log "$WORK"/nginx/error.log 2>/dev/null; return 1
}

start_replica a
start_replica b
wait_http "http://127.0.0.1:$PORT_A/health/live" "replica a"
wait_http "http://127.0.0.1:$PORT_B/health/live" "replica b"
log "replicas a (pid ${PIDS[a]}, port $PORT_A) and b (pid ${PIDS[b]}, port $PORT_B)"

# ---------------------------------------------------------------- nginx
LB=$(free_port); VIA_A=$(free_port); VIA_B=$(free_port)
mkdir -p "$WORK/nginx"
# deploy/nginx/playground.conf with our replicas (the n-th "server host:port" line becomes replica
# n, its max_fails and fail_timeout kept) and the balanced port
awk -v a="127.0.0.1:$PORT_A" -v b="127.0.0.1:$PORT_B" '
  /^[ \t]*server [0-9.]+:[0-9]+/ { n++; sub(/[0-9.]+:[0-9]+/, n == 1 ? a : n == 2 ? b : "127.0.0.1:9"); if (n > 2) next }
  { print }' deploy/nginx/playground.conf | sed "s/^\([ \t]*\)listen 80;/\1listen 127.0.0.1:$LB;/" >"$WORK/nginx/playground.conf"
# one port per replica: the same server block, proxying to that replica alone
{
  for id in a b; do
    port=$VIA_A; [ "$id" = b ] && port=$VIA_B
    echo "upstream playground_$id { server 127.0.0.1:${PORTS[$id]}; }"
    awk '/^server \{/ { on = 1 } on { print } on && /^\}/ { on = 0 }' "$WORK/nginx/playground.conf" |
      sed -e "s/listen 127.0.0.1:$LB;/listen 127.0.0.1:$port;/" -e "s#proxy_pass http://playground;#proxy_pass http://playground_$id;#"
  done
} >"$WORK/nginx/pinned.conf"
cat >"$WORK/nginx/nginx.conf" <<EOF
worker_processes 1;
error_log $WORK/nginx/error.log warn;
pid $WORK/nginx/nginx.pid;
events { worker_connections 1024; }
http {
    access_log $WORK/nginx/access.log;
    client_body_temp_path $WORK/nginx/client_body;
    proxy_temp_path $WORK/nginx/proxy;
    fastcgi_temp_path $WORK/nginx/fastcgi;
    uwsgi_temp_path $WORK/nginx/uwsgi;
    scgi_temp_path $WORK/nginx/scgi;
    include $WORK/nginx/playground.conf;
    include $WORK/nginx/pinned.conf;
}
EOF
"$NGINX" -t -q -p "$WORK/nginx" -c "$WORK/nginx/nginx.conf" -e "$WORK/nginx/error.log"
"$NGINX" -p "$WORK/nginx" -c "$WORK/nginx/nginx.conf" -e "$WORK/nginx/error.log" -g 'daemon off;' &
NGINX_PID=$!
wait_http "http://127.0.0.1:$LB/health/live" "nginx"
wait_http "http://127.0.0.1:$VIA_A/health/live" "nginx (port to a)"
wait_http "http://127.0.0.1:$VIA_B/health/live" "nginx (port to b)"
log "nginx (pid $NGINX_PID): balanced port $LB, pinned to a $VIA_A, pinned to b $VIA_B"

# ---------------------------------------------------------------- the checks
FAILED=()
run_check() {   # run_check NAME: one check of ClusterSmoke.java, against the replicas as they are now
  local name=$1
  log "check $name"
  if java -cp target/playground.jar scripts/ClusterSmoke.java "$name" "$LB" "$VIA_A" "$VIA_B" "${PIDS[a]}" "${PIDS[b]}"; then
    return 0
  fi
  FAILED+=("$name")
}

replica_b_alive() { kill -0 "${PIDS[b]}" 2>/dev/null; }

for check in "${CHECKS[@]}"; do
  case "$check" in
    room|saved|kill|drain) ;;
    *) log "unknown check '$check' (room, saved, kill, drain)"; exit 64 ;;
  esac
  # kill and drain end replica b: start a new one for the checks after them
  if ! replica_b_alive; then
    wait "${PIDS[b]}" 2>/dev/null || true
    log "starting replica b again"
    start_replica b
    wait_http "http://127.0.0.1:$PORT_B/health" "replica b"
  fi
  run_check "$check"
done

if [ ${#FAILED[@]} -gt 0 ]; then
  log "logs of the replicas (last lines):"
  for id in a b; do echo "--- replica $id"; tail -n 15 "$WORK/replica-$id.log"; done
  echo "FAIL cluster-smoke: ${FAILED[*]}"
  exit 1
fi
echo "PASS cluster-smoke"
