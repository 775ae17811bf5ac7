#!/usr/bin/env bash
# Parses every Kubernetes manifest in deploy/k8s (js-yaml from npm, in a temporary folder) and
# checks each document has an apiVersion and a kind: a syntax check for machines without kubectl.
# With kubectl: kubectl apply --dry-run=client -k deploy/k8s
set -euo pipefail
cd "$(dirname "$0")"
tmp=$(mktemp -d /tmp/playground-yaml.XXXXXX)
trap 'rm -rf "$tmp"' EXIT
npm install --silent --no-audit --no-fund --prefix "$tmp" js-yaml@4 >/dev/null
NODE_PATH="$tmp/node_modules" node -e '
const yaml = require("js-yaml"), fs = require("fs");
let bad = 0;
for (const f of process.argv.slice(1)) {
  try {
    for (const d of yaml.loadAll(fs.readFileSync(f, "utf8"))) {
      if (!d || !d.apiVersion || !d.kind) throw new Error("a document without apiVersion or kind");
      console.log("ok  " + f + ": " + d.kind + " " + ((d.metadata && d.metadata.name) || ""));
    }
  } catch (e) { bad++; console.log("BAD " + f + ": " + e.message); }
}
process.exit(bad ? 1 : 0);' k8s/*.yaml
