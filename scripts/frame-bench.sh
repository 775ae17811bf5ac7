#!/usr/bin/env bash
# Bytes and CPU time of one binary frame (and one epoch) for C1, C2 and the book network 2-128-64-1.
# Usage: scripts/frame-bench.sh [EVAL_SIZE=50] [C1|C2|BOOK]
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -B -DskipTests test-compile
java -cp "target/test-classes:target/classes:$(mvn -q -B dependency:build-classpath -Dmdep.outputFile=/dev/stdout)" \
    org.nnplayground.playground.session.FrameBench "$@"
