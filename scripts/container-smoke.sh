#!/usr/bin/env bash
# Container smoke test for the playground image, without Docker or a registry.
#
# Builds (or reuses) two local Debian bookworm base images with debootstrap
# (JDK 17 + Maven for the build stage, JRE 17 for the runtime stage), builds the
# Dockerfile with podman against them, runs the container on a free port bound to
# 127.0.0.1, waits for /health, drives the WebSocket (scripts/SmokeWebSocket.java),
# checks the container user is not root and that the image HEALTHCHECK passes.
# The container and the app image are always removed; the base images are kept
# for the next run unless --clean is given.
#
# Usage: scripts/container-smoke.sh [--clean] [--rebuild-base] [--m2-cache] [--build-only]
#   --clean         also remove the two base images at the end
#   --rebuild-base  rebuild the base images even if they exist
#   --m2-cache      mount the host's ~/.m2 into the Maven build (a cache only)
#   --build-only    build and start the container, show its output, skip the HTTP/WS checks
#                   (for a jar that does not serve yet)
# Environment:
#   DEBIAN_MIRROR   Debian mirror for debootstrap (default: taken from /etc/apt)
#   HOST_JAVA_CACERTS  Java truststore lent to the Maven build when the host has local CAs
#                   (default /etc/ssl/certs/java/cacerts)
#   MVN_ARGS        extra Maven flags passed to the build (build arg MVN_ARGS)
#   PODMAN          podman command (default: podman --runtime runc --cgroup-manager cgroupfs)
# Needs root (debootstrap, rootful podman), podman, runc, debootstrap, curl, a JDK 17 on the host.
set -Eeuo pipefail

T0=$SECONDS
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
SUITE=bookworm
BASE_BUILD=localhost/playground-smoke-base-build:${SUITE}-jdk17-maven
BASE_RUN=localhost/playground-smoke-base-run:${SUITE}-jre17
TAG=$$-$(date +%s)
APP_IMAGE=localhost/playground-smoke-app:$TAG
CONTAINER=playground-smoke-$TAG
read -r -a PODMAN <<< "${PODMAN:-podman --runtime runc --cgroup-manager cgroupfs}"

CLEAN=0; REBUILD_BASE=0; M2_CACHE=0; BUILD_ONLY=0
for a in "$@"; do
  case "$a" in
    --clean) CLEAN=1 ;;
    --rebuild-base) REBUILD_BASE=1 ;;
    --m2-cache) M2_CACHE=1 ;;
    --build-only) BUILD_ONLY=1 ;;
    -h|--help) sed -n '2,25p' "$0"; exit 0 ;;
    *) echo "unknown option: $a" >&2; exit 2 ;;
  esac
done

log()  { printf '[smoke %4ss] %s\n' "$((SECONDS - T0))" "$*"; }
RESULT=FAIL
TIMINGS=()
phase_start() { PHASE=$1; PHASE_T=$SECONDS; log "== $PHASE"; }
phase_end()   { TIMINGS+=("$PHASE: $((SECONDS - PHASE_T))s"); }

cleanup() {
  local rc=$?
  set +e
  if "${PODMAN[@]}" container exists "$CONTAINER" 2>/dev/null; then
    if [[ $RESULT != PASS ]]; then
      log "container logs (last 40 lines):"; timeout 30 "${PODMAN[@]}" logs --tail 40 "$CONTAINER" 2>&1 | sed 's/^/    /'
    fi
    timeout 30 "${PODMAN[@]}" rm -f -t 5 "$CONTAINER" >/dev/null 2>&1
  fi
  "${PODMAN[@]}" image exists "$APP_IMAGE" 2>/dev/null && timeout 60 "${PODMAN[@]}" rmi -f "$APP_IMAGE" >/dev/null 2>&1
  if [[ $CLEAN == 1 ]]; then
    log "--clean: removing base images"
    timeout 60 "${PODMAN[@]}" rmi -f "$BASE_BUILD" "$BASE_RUN" >/dev/null 2>&1
  fi
  [[ -n ${ROOTFS_TMP:-} ]] && rm -rf "$ROOTFS_TMP"
  for t in "${TIMINGS[@]}"; do log "timing  $t"; done
  if [[ $RESULT == PASS && $rc == 0 ]]; then
    log "PASS (total $((SECONDS - T0))s)"
  else
    log "FAIL${PHASE:+ in phase '$PHASE'} (total $((SECONDS - T0))s)"
    [[ $rc == 0 ]] && rc=1
  fi
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

need() { command -v "$1" >/dev/null 2>&1 || { log "missing command: $1 (${2:-})"; exit 1; }; }
need podman "apt-get install -y podman runc"
need runc "apt-get install -y runc"
need curl
need java "JDK 17 on the host runs scripts/SmokeWebSocket.java"
[[ $(id -u) == 0 ]] || { log "run as root (debootstrap and rootful podman)"; exit 1; }

debian_mirror() {
  if [[ -n ${DEBIAN_MIRROR:-} ]]; then echo "$DEBIAN_MIRROR"; return; fi
  local m=""
  # deb822 .sources: first URIs line of a stanza whose Suites include the suite
  m=$(awk -v s="$SUITE" '
        /^URIs:/   {u=$2}
        /^Suites:/ {for (i=2;i<=NF;i++) if ($i==s) {print u; exit}}
        /^$/       {u=""}' /etc/apt/sources.list.d/*.sources 2>/dev/null || true)
  if [[ -z $m ]]; then
    m=$(awk -v s="$SUITE" '$1=="deb" && $0 ~ " "s" " {for (i=2;i<=NF;i++) if ($i ~ /^https?:/) {print $i; exit}}' \
          /etc/apt/sources.list /etc/apt/sources.list.d/*.list 2>/dev/null | head -n1 || true)
  fi
  echo "${m:-http://deb.debian.org/debian}"
}

# build_base IMAGE PACKAGES: debootstrap a minbase rootfs with PACKAGES, import it.
build_base() {
  local image=$1 pkgs=$2 dir old=""
  if "${PODMAN[@]}" image exists "$image"; then
    if [[ $REBUILD_BASE == 0 ]]; then log "reusing base image $image"; return; fi
    old=$("${PODMAN[@]}" image inspect -f '{{.Id}}' "$image")
  fi
  need debootstrap "apt-get install -y debootstrap"
  dir="$ROOTFS_TMP/$(basename "${image%%:*}")"
  mkdir -p "$dir"
  log "debootstrap $SUITE (+ $pkgs) from $MIRROR -> $image"
  if ! timeout 900 debootstrap --variant=minbase --include="$pkgs" "$SUITE" "$dir" "$MIRROR" \
        > "$dir.log" 2>&1; then
    tail -n 30 "$dir.log"; log "debootstrap failed for $image"; exit 1
  fi
  rm -rf "$dir"/var/cache/apt/archives/*.deb "$dir"/var/lib/apt/lists/* "$dir"/tmp/*
  tar -C "$dir" -c . | "${PODMAN[@]}" import -q \
      --change 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
      --change 'ENV LANG=C.UTF-8' \
      --change 'CMD ["/bin/bash"]' - "$image" >/dev/null
  rm -rf "$dir"
  # --rebuild-base: drop the previous image, now untagged
  if [[ -n $old ]]; then timeout 60 "${PODMAN[@]}" rmi "$old" >/dev/null 2>&1 || true; fi
}

# ------------------------------------------------------------------ base images
phase_start "base images"
MIRROR=$(debian_mirror)
ROOTFS_TMP=$(mktemp -d /tmp/playground-smoke-rootfs.XXXXXX)
# The two debootstraps are independent: run them side by side.
build_base "$BASE_RUN" openjdk-17-jre-headless & P1=$!
build_base "$BASE_BUILD" openjdk-17-jdk-headless,maven & P2=$!
wait $P1 || { kill $P2 2>/dev/null; wait $P2 2>/dev/null; exit 1; }
wait $P2 || exit 1
phase_end

# -------------------------------------------------------------------- app image
phase_start "app image build"
BUILD_ARGS=(--build-arg "BUILD_IMAGE=$BASE_BUILD" --build-arg "RUN_IMAGE=$BASE_RUN")
[[ -n ${MVN_ARGS:-} ]] && BUILD_ARGS+=(--build-arg "MVN_ARGS=$MVN_ARGS")
# A TLS-intercepting egress proxy needs its CA in the build's Java truststore: when the host
# has local CAs (/usr/local/share/ca-certificates), lend the host's Java truststore to the
# build steps (read-only mount, nothing of it ends up in the image).
HOST_CACERTS=${HOST_JAVA_CACERTS:-/etc/ssl/certs/java/cacerts}
if compgen -G '/usr/local/share/ca-certificates/*.crt' >/dev/null && [[ -f $HOST_CACERTS ]]; then
  log "host has local CAs: mounting $HOST_CACERTS as the build's Java truststore"
  BUILD_ARGS+=(--volume "$HOST_CACERTS:/etc/ssl/certs/java/cacerts:ro")
fi
if [[ $M2_CACHE == 1 ]]; then
  mkdir -p "$HOME/.m2/repository"
  BUILD_ARGS+=(--volume "$HOME/.m2:/root/.m2")
fi
# --format docker: the OCI image format has no HEALTHCHECK. --pull=never: the bases are local.
# --network host: Maven reaches its repository the way the host does.
timeout 1800 "${PODMAN[@]}" build --isolation chroot --network host --format docker --pull=never \
  --layers=false "${BUILD_ARGS[@]}" -t "$APP_IMAGE" -f "$ROOT/Dockerfile" "$ROOT"
phase_end

# ------------------------------------------------------------------------- run
free_port() {
  local p i
  for i in $(seq 1 50); do
    p=$((20000 + RANDOM % 20000))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then echo "$p"; return; fi
  done
  return 1
}

phase_start "container start"
PORT=$(free_port)
log "starting $CONTAINER on 127.0.0.1:$PORT"
# Host network + HOST=127.0.0.1: reachable from this machine only; also exercises PORT/HOST.
# --health-interval disable: no systemd timer here; the check is run by hand below.
timeout 120 "${PODMAN[@]}" run -d --name "$CONTAINER" --network host \
  --ulimit nofile=1024:1024 --ulimit nproc=1024:1024 \
  --health-interval disable \
  -e PORT="$PORT" -e HOST=127.0.0.1 "$APP_IMAGE" \
  > /dev/null 2> >(grep -v 'systemd connection' >&2 || true)

running() { [[ $("${PODMAN[@]}" inspect -f '{{.State.Running}}' "$CONTAINER" 2>/dev/null) == true ]]; }

if [[ $BUILD_ONLY == 1 ]]; then
  sleep 3
  log "container output:"; timeout 30 "${PODMAN[@]}" logs "$CONTAINER" 2>&1 | sed 's/^/    /'
  log "container running: $(running && echo yes || echo "no (exit code $("${PODMAN[@]}" inspect -f '{{.State.ExitCode}}' "$CONTAINER"))")"
  log "user in image: $("${PODMAN[@]}" image inspect -f '{{.Config.User}}' "$APP_IMAGE")"
  log "healthcheck in image: $("${PODMAN[@]}" image inspect -f '{{json .HealthCheck}}' "$APP_IMAGE")"
  phase_end
  RESULT=PASS
  log "--build-only: HTTP, WebSocket, user and healthcheck checks skipped"
  exit 0
fi

HEALTH_URL="http://127.0.0.1:$PORT/health"
deadline=$((SECONDS + 90))
until body=$(curl -fsS -m 3 "$HEALTH_URL" 2>/dev/null); do
  running || { log "container exited before /health answered"; exit 1; }
  (( SECONDS < deadline )) || { log "no answer from $HEALTH_URL within 90s"; exit 1; }
  sleep 1
done
log "GET /health -> $body"
grep -Eq '"status" *: *"ok"' <<< "$body" || { log "/health does not report status ok"; exit 1; }
phase_end

# -------------------------------------------------------------------- checks
phase_start "websocket"
timeout 60 java "$ROOT/scripts/SmokeWebSocket.java" "ws://127.0.0.1:$PORT/ws"
phase_end

phase_start "non-root user"
uid=$(timeout 30 "${PODMAN[@]}" exec "$CONTAINER" id -u)
log "container uid: $uid"
[[ $uid =~ ^[0-9]+$ && $uid != 0 ]] || { log "container runs as root"; exit 1; }
phase_end

phase_start "healthcheck"
if timeout 30 "${PODMAN[@]}" healthcheck run "$CONTAINER" >/dev/null 2>&1; then
  log "podman healthcheck run: healthy"
else
  # Without systemd podman may refuse; run the image's HEALTHCHECK command ourselves.
  mapfile -t HC < <("${PODMAN[@]}" image inspect -f '{{range .HealthCheck.Test}}{{println .}}{{end}}' "$APP_IMAGE" | sed '/^$/d')
  (( ${#HC[@]} >= 2 )) || { log "image has no HEALTHCHECK"; exit 1; }
  case "${HC[0]}" in
    CMD)       HC_CMD=("${HC[@]:1}") ;;
    CMD-SHELL) HC_CMD=(/bin/sh -c "${HC[*]:1}") ;;
    *) log "unexpected HEALTHCHECK form: ${HC[*]}"; exit 1 ;;
  esac
  timeout 30 "${PODMAN[@]}" exec "$CONTAINER" "${HC_CMD[@]}" \
    || { log "HEALTHCHECK command failed: ${HC_CMD[*]}"; exit 1; }
  log "HEALTHCHECK command (run with podman exec) passed"
fi
phase_end

running || { log "container is no longer running"; exit 1; }
PHASE=""
RESULT=PASS
