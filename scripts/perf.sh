#!/usr/bin/env bash
# One benchmark, one JSON: trainer epochs/s of C1-C4 and the book network (2-128-64-1), boundary
# and frame times (thread CPU time, PerfBench), per-frame server CPU and frames/s at 200 and 400
# simulated C1 students (LoadBench), the time of a 64-training sweep (C1 variants x 500 epochs),
# and the frames/s the page shows for C1, C2 and the book network in headless Chromium.
# Usage: scripts/perf.sh [--quick] [LOAD_SECONDS=20]
#   --quick: trainer, boundary, frames and sweep only (no load bench, no browser)
# Runs on 127.0.0.1 only; every server it starts is stopped. Takes about 4 minutes in full.
set -euo pipefail
cd "$(dirname "$0")/.."
QUICK=0
if [ "${1:-}" = "--quick" ]; then QUICK=1; shift; fi
LOAD_SECONDS=${1:-20}
OUT=$(mktemp -d /tmp/perf.XXXXXX)
mvn -q -B -DskipTests package test-compile >&2
CP="target/test-classes:target/classes:$(mvn -q -B dependency:build-classpath -Dmdep.outputFile=/dev/stdout)"

echo "trainer, boundary, frames ..." >&2
java -cp "$CP" org.nnplayground.playground.session.PerfBench > "$OUT/trainer.json"

echo "sweep: 64 C1 variants x 500 epochs ..." >&2
C1='activation=tanh&batchSize=10&dataset=circle&learningRate=0.03&regularizationRate=0&noise=0&networkShape=4,2&seed=0.12345&percTrainData=50&x=true&y=true&problem=classification'
start=$(date +%s.%N)
cpu0=$(awk '{print $14+$15+$16+$17}' /proc/$$/stat)
java -jar target/playground.jar sweep --epochs 500 --jsonl \
    --vary learningRate=0.003,0.01,0.03,0.1 --vary batchSize=1,5,10,30 --vary networkShape=4:2,8:4,6:3,3 "$C1" > "$OUT/sweep.jsonl"
end=$(date +%s.%N)
cpu1=$(awk '{print $14+$15+$16+$17}' /proc/$$/stat)
python3 - "$start" "$end" "$cpu0" "$cpu1" "$(getconf CLK_TCK)" "$(wc -l < "$OUT/sweep.jsonl")" > "$OUT/sweep.json" <<'EOF'
import json, sys
s, e, c0, c1, tck, n = sys.argv[1:]
print(json.dumps({"trainings": int(n), "epochs": 500, "seconds": round(float(e) - float(s), 2),
                  "cpuSeconds": round((float(c1) - float(c0)) / float(tck), 2)}))
EOF

load() { # SESSIONS -> LoadBench's text output
    local port=$(( 20000 + RANDOM % 20000 ))
    java -Xmx768m -jar target/playground.jar --host 127.0.0.1 --port "$port" --max-sessions-per-address 2000 --max-sessions 2000 \
        > "$OUT/server-$1.log" 2>&1 &
    local server=$!
    for _ in $(seq 100); do curl -sf "http://127.0.0.1:$port/health" >/dev/null && break; sleep 0.2; done
    java -cp "$CP" org.nnplayground.playground.bench.LoadBench "$port" "$server" "$1" "$LOAD_SECONDS" 0 0 > "$OUT/load-$1.txt" 2>&1 || true
    kill "$server" 2>/dev/null || true
    wait "$server" 2>/dev/null || true
}
if [ "$QUICK" = 0 ]; then
    for n in 200 400; do echo "load bench: $n students, $LOAD_SECONDS s ..." >&2; load "$n"; done
    echo "page frame rates (headless Chromium) ..." >&2
    mvn -B -o test -Dtest='FrameRateBrowserBench,BigNetworkBrowserTest' -Dtest.excludedGroups= -Dsurefire.failIfNoSpecifiedTests=false \
        > "$OUT/browser.txt" 2>&1 || true
fi

python3 - "$OUT" "$QUICK" <<'EOF'
import json, os, re, sys
out, quick = sys.argv[1], sys.argv[2] == "1"
result = {"host": {"cpu": next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")), "?"),
                   "cores": os.cpu_count(), "loadAverageAtEnd": round(os.getloadavg()[0], 1),
                   "java": os.popen("java -version 2>&1 | head -1").read().strip()}}
result["trainer"] = json.load(open(f"{out}/trainer.json"))
result["sweep"] = json.load(open(f"{out}/sweep.json"))
if not quick:
    for n in (200, 400):
        text = open(f"{out}/load-{n}.txt").read()
        fps = re.search(r"frames/s per session: min ([\d.]+), p10 ([\d.]+), median ([\d.]+)", text)
        per = re.search(r"per frame (\d+) us", text)
        gap = re.search(r"gap between frames: p50 ([\d.]+) ms, p99 ([\d.]+) ms", text)
        cores = re.search(r"server CPU: ([\d.]+) cores", text)
        result[f"load{n}"] = {"framesPerSecMin": fps and float(fps.group(1)), "framesPerSecMedian": fps and float(fps.group(3)),
                              "gapP99Ms": gap and float(gap.group(2)), "serverCores": cores and float(cores.group(1)),
                              "serverCpuUsPerFrame": per and int(per.group(1))}
    text = open(f"{out}/browser.txt").read()
    page = {}
    for name, shown, received in re.findall(r"\[frame-rate\] ([\w-]+): ([\d.]+) frames/s shown \(([\d.]+) received", text):
        page[name] = {"shown": float(shown), "received": float(received)}
    result["pageFramesPerSec"] = page
print(json.dumps(result))
EOF
rm -rf "$OUT"
