#!/usr/bin/env bash
# Bytes and build time of one binary frame for C1 and C2. Usage: scripts/frame-bench.sh [EVAL_SIZE=50]
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -B -DskipTests test-compile
java -cp "target/test-classes:target/classes:$(mvn -q -B dependency:build-classpath -Dmdep.outputFile=/dev/stdout)" \
    org.nnplayground.playground.session.FrameBench "$@"
