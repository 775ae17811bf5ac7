# Sourced by scripts/test.sh: services the store and export tests use.
#  - a throwaway PostgreSQL (Debian's postgresql package, installed if missing), run as an
#    unprivileged user on a free loopback port in a temporary directory: PG_TEST_URL, a database
#    per test fork beside it (PG_TEST_FORK_DATABASES), and PG_TEST_BIN for the outage test, which
#    makes a PostgreSQL of its own to stop and start
#  - @tensorflow/tfjs (pure JavaScript) installed by npm into a temporary folder: TFJS_MODULES
# stop_test_services stops PostgreSQL and removes both folders.

as_postgres() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

free_port() {
  local p
  for _ in $(seq 1 50); do
    p=$((20000 + RANDOM % 20000))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then echo "$p"; return; fi
  done
  echo "no free port found" >&2; return 1
}

start_test_postgres() {
  if ! ls -d /usr/lib/postgresql/*/bin >/dev/null 2>&1; then
    echo "Installing postgresql for the store tests..."
    local sudo=""; if [ "$(id -u)" != 0 ]; then sudo="sudo"; fi
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq postgresql >/dev/null
  fi
  local bin; bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
  PG_TEST_DIR=$(mktemp -d /tmp/playground-pg.XXXXXX)
  if [ "$(id -u)" = 0 ]; then chown postgres: "$PG_TEST_DIR"; fi
  local port; port=$(free_port)
  as_postgres "$bin/initdb" -D "$PG_TEST_DIR/data" -U playground --auth=trust -E UTF8 >/dev/null
  as_postgres "$bin/pg_ctl" -D "$PG_TEST_DIR/data" -l "$PG_TEST_DIR/log" -w \
    -o "-p $port -k $PG_TEST_DIR -c listen_addresses=127.0.0.1 -c fsync=off" start >/dev/null
  PG_TEST_BIN="$bin"
  as_postgres "$bin/createdb" -h 127.0.0.1 -p "$port" -U playground playground
  # one more database for each test fork (pom.xml runs two; TestPostgres picks playground_<fork>)
  local n
  for n in 1 2 3 4; do as_postgres "$bin/createdb" -h 127.0.0.1 -p "$port" -U playground "playground_$n"; done
  export PG_TEST_FORK_DATABASES=4
  export PG_TEST_URL="jdbc:postgresql://127.0.0.1:$port/playground?user=playground"
  # the outage test makes its own PostgreSQL with these binaries (PG_TEST_BIN)
  export PG_TEST_DIR PG_TEST_BIN
  echo "PostgreSQL for tests: $PG_TEST_URL"
}

install_test_tfjs() {
  if ! command -v npm >/dev/null 2>&1; then echo "npm not found: the TF.js export test needs Node and npm" >&2; return 1; fi
  TFJS_TEST_DIR=$(mktemp -d /tmp/playground-tfjs.XXXXXX)
  npm install --silent --no-audit --no-fund --prefix "$TFJS_TEST_DIR" @tensorflow/tfjs@4 >/dev/null
  export TFJS_MODULES="$TFJS_TEST_DIR/node_modules"
}

stop_test_services() {
  if [ -n "${PG_TEST_DIR:-}" ]; then
    as_postgres "$PG_TEST_BIN/pg_ctl" -D "$PG_TEST_DIR/data" -m fast -w stop >/dev/null 2>&1 || true
    rm -rf "$PG_TEST_DIR"
  fi
  if [ -n "${TFJS_TEST_DIR:-}" ]; then rm -rf "$TFJS_TEST_DIR"; fi
}
