#!/usr/bin/env bash
# The project's test command: installs what the browser tests need (Debian's chromium and
# chromium-driver) when missing, then builds and runs every test tier (unit, protocol, browser).
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v chromium >/dev/null 2>&1 || ! command -v chromedriver >/dev/null 2>&1; then
  echo "Installing chromium and chromium-driver for the browser tests..."
  SUDO=""
  if [ "$(id -u)" != 0 ]; then SUDO="sudo"; fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium chromium-driver >/dev/null
fi

# PostgreSQL and TF.js for the store and export tests (scripts/test-services.sh), stopped after
. "$(dirname "$0")/test-services.sh"
trap stop_test_services EXIT
start_test_postgres
install_test_tfjs

# an installed Maven if there is one, else the wrapper (which fetches Maven itself)
MVN=mvn
command -v mvn >/dev/null 2>&1 || MVN=./mvnw
"$MVN" -B verify "$@"

# Several replicas behind nginx on one PostgreSQL, which no unit test covers: installs nginx if missing, starts its
# own PostgreSQL, nginx and two replicas of the jar just built, about 1 to 2 minutes.
# CLUSTER_SMOKE=0 skips it.
if [ "${CLUSTER_SMOKE:-1}" != 0 ]; then scripts/cluster-smoke.sh; fi
