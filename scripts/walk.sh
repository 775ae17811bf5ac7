#!/usr/bin/env bash
# The long model-based walk: 5 seeds x 200 actions in headless Chromium (RandomWalkBrowserTest);
# the default suite walks one seed. Usage: scripts/walk.sh [SEEDS=1,2,3,4,5] [ACTIONS=200] [extra -D...]
# -Dwalk.count=true prints every violation and walks on instead of shrinking the first.
set -euo pipefail
cd "$(dirname "$0")/.."
SEEDS=${1:-1,2,3,4,5}; ACTIONS=${2:-200}; shift $(( $# < 2 ? $# : 2 ))
mvn -B -o -q test -Dtest=RandomWalkBrowserTest#thePageShowsWhatTheServerRunsOnRandomWalks -Dsurefire.failIfNoSpecifiedTests=false \
  -Dwalk.seeds="$SEEDS" -Dwalk.actions="$ACTIONS" -Dwalk.freshEvery=10 "$@"
