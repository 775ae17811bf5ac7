# Sourced by scripts/cluster-smoke.sh and scripts/cluster-bench.sh: several replicas of the jar on
# one throwaway PostgreSQL behind nginx, on loopback, in a temporary directory.
#   cluster_prepare            installs nginx if missing, builds the jar if missing, starts PostgreSQL
#   start_replica ID [FLAGS]   a replica on its own free port (PORTS[ID], PIDS[ID]) on that database
#   start_nginx                deploy/nginx/playground.conf with our replicas on a free port (LB), plus
#                              one port per replica (VIA[ID]) proxying to that replica alone
#   cluster_cleanup            stops everything started here and removes the directory
# Needs scripts/test-services.sh (PostgreSQL as the postgres user, free_port).

. "$(dirname "${BASH_SOURCE[0]}")/test-services.sh"

CLUSTER_DIR=$(mktemp -d /tmp/playground-cluster.XXXXXX)
chmod 755 "$CLUSTER_DIR"   # nginx's workers (nobody, when we are root) write their temp files below
declare -A PIDS=() PORTS=() VIA=()
NGINX_PID=""
LB=""

cluster_log() { echo "[$(basename "$0" .sh)] $*"; }

cluster_cleanup() {
  set +e
  for id in "${!PIDS[@]}"; do kill "${PIDS[$id]}" 2>/dev/null; done
  if [ -n "$NGINX_PID" ]; then kill "$NGINX_PID" 2>/dev/null; fi
  sleep 1
  for id in "${!PIDS[@]}"; do kill -9 "${PIDS[$id]}" 2>/dev/null; done
  if [ -n "$NGINX_PID" ]; then kill -9 "$NGINX_PID" 2>/dev/null; fi
  stop_test_services
  rm -rf "$CLUSTER_DIR"
}

cluster_prepare() {
  local sudo=""; [ "$(id -u)" = 0 ] || sudo="sudo"
  if ! command -v nginx >/dev/null 2>&1 && [ ! -x /usr/sbin/nginx ]; then
    cluster_log "installing nginx"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq nginx >/dev/null
  fi
  NGINX=$(command -v nginx || echo /usr/sbin/nginx)
  command -v curl >/dev/null || { cluster_log "curl is needed"; return 1; }
  if [ ! -f target/playground.jar ]; then
    cluster_log "building target/playground.jar"
    local mvn=mvn; command -v mvn >/dev/null 2>&1 || mvn=./mvnw
    "$mvn" -q -B -DskipTests package
  fi
  start_test_postgres >/dev/null   # Debian's postgresql (installed when missing), as user postgres: PG_TEST_URL
  cluster_log "PostgreSQL at $PG_TEST_URL"
}

# start_replica ID [FLAGS...]: trusts nginx on loopback (X-Forwarded-For), checkpoints every 2 s
start_replica() {
  local id=$1; shift
  if [ -z "${PORTS[$id]:-}" ]; then PORTS[$id]=$(free_port); fi
  java ${REPLICA_JVM_OPTS:--Xmx256m} -jar target/playground.jar --host 127.0.0.1 --port "${PORTS[$id]}" --replica-id "$id" \
    --trusted-proxies 127.0.0.1 --database-url "$PG_TEST_URL" --checkpoint-seconds 2 \
    --data-dir "$CLUSTER_DIR/data-$id" "$@" >>"$CLUSTER_DIR/replica-$id.log" 2>&1 &
  PIDS[$id]=$!
  disown "${PIDS[$id]}"   # no "Killed" notice from bash when a check kills it
}

# wait_http URL WHAT: up to 60 s for a 200
wait_http() {
  for _ in $(seq 1 300); do
    if curl -sf -o /dev/null "$1"; then return 0; fi
    sleep 0.2
  done
  cluster_log "$2 did not answer $1 within 60 s"
  tail -n 30 "$CLUSTER_DIR"/replica-*.log "$CLUSTER_DIR"/nginx/error.log 2>/dev/null
  return 1
}

# start_nginx: deploy/nginx/playground.conf as it is, its upstream's "server host:port" lines
# replaced by the replicas (in the order a, b, ...; max_fails and fail_timeout kept, extra lines
# added alike), listening on LB. Then one server block per replica (the same block, generated
# from the file) on VIA[ID], proxying to that replica alone.
start_nginx() {
  local ids; ids=$(printf '%s\n' "${!PORTS[@]}" | sort | tr '\n' ' ')
  local servers=""
  for id in $ids; do servers+="127.0.0.1:${PORTS[$id]} "; done
  LB=$(free_port)
  mkdir -p "$CLUSTER_DIR/nginx"
  awk -v servers="$servers" '
    BEGIN { n = split(servers, s, " ") }
    /^[ \t]*server [0-9.]+:[0-9]+/ {
      if (!template) { template = $0; seen = 0 }
      seen++
      if (seen == 1) { for (i = 1; i <= n; i++) { line = template; sub(/[0-9.]+:[0-9]+/, s[i], line); print line } }
      next
    }
    { print }' deploy/nginx/playground.conf | sed "s/^\([ \t]*\)listen 80;/\1listen 127.0.0.1:$LB;/" >"$CLUSTER_DIR/nginx/playground.conf"
  : >"$CLUSTER_DIR/nginx/pinned.conf"
  for id in $ids; do
    VIA[$id]=$(free_port)
    {
      echo "upstream playground_$id { server 127.0.0.1:${PORTS[$id]}; }"
      awk '/^server \{/ { on = 1 } on { print } on && /^\}/ { on = 0 }' "$CLUSTER_DIR/nginx/playground.conf" |
        sed -e "s/listen 127.0.0.1:$LB;/listen 127.0.0.1:${VIA[$id]};/" -e "s#proxy_pass http://playground;#proxy_pass http://playground_$id;#"
    } >>"$CLUSTER_DIR/nginx/pinned.conf"
  done
  cat >"$CLUSTER_DIR/nginx/nginx.conf" <<EOF
worker_processes 1;
error_log $CLUSTER_DIR/nginx/error.log warn;
pid $CLUSTER_DIR/nginx/nginx.pid;
events { worker_connections 4096; }
http {
    access_log off;
    client_body_temp_path $CLUSTER_DIR/nginx/client_body;
    proxy_temp_path $CLUSTER_DIR/nginx/proxy;
    fastcgi_temp_path $CLUSTER_DIR/nginx/fastcgi;
    uwsgi_temp_path $CLUSTER_DIR/nginx/uwsgi;
    scgi_temp_path $CLUSTER_DIR/nginx/scgi;
    include $CLUSTER_DIR/nginx/playground.conf;
    include $CLUSTER_DIR/nginx/pinned.conf;
}
EOF
  "$NGINX" -t -q -p "$CLUSTER_DIR/nginx" -c "$CLUSTER_DIR/nginx/nginx.conf" -e "$CLUSTER_DIR/nginx/error.log"
  "$NGINX" -p "$CLUSTER_DIR/nginx" -c "$CLUSTER_DIR/nginx/nginx.conf" -e "$CLUSTER_DIR/nginx/error.log" -g 'daemon off;' &
  NGINX_PID=$!
  wait_http "http://127.0.0.1:$LB/health/live" "nginx"
  for id in $ids; do wait_http "http://127.0.0.1:${VIA[$id]}/health/live" "nginx (port to $id)"; done
}
