#!/usr/bin/env bash
# Screenshots to look at (not a test gate): the four kinds of run (3 classes, a CSV, regression, the XOR
# table) at desktop and phone sizes, into target/screenshots. The suite takes the phone size only.
# Usage: scripts/screenshots.sh [SIZES=1440x900,1280x800,390x844]
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q test -Dtest='WhatRunsBrowserTest#screenshotsAtDesktopAndPhoneSizes' \
  -Dplayground.screenshotSizes="${1:-1440x900,1280x800,390x844}" -Dsurefire.failIfNoSpecifiedTests=false
ls -1 target/screenshots/state-*.png
