#!/usr/bin/env bash
# Peak resident memory (VmHWM, via /usr/bin/time -v) of the 2,200-model tables step:
# imagenetx aggregate (all tables, 3 error types, both selections) reading a 2,200-model store.
# Usage: jmh/memory.sh [JVM options...]   e.g. jmh/memory.sh -XX:+UseSerialGC -Xmx256m
# The store (synthetic, seed 42, class ids and probabilities) is cached in ${IMAGENETX_JMH_DIR:-/tmp/imagenetx-jmh}.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
[ -f target/imagenetx.jar ] || mvn -B -q -ntp -DskipTests package
cache="${IMAGENETX_JMH_DIR:-/tmp/imagenetx-jmh}"
store="$cache/synth-2200-seed42.zoo"
mkdir -p "$cache"
[ -f "$store" ] || java -Xmx512m -jar target/imagenetx.jar synth --models 2200 --seed 42 --out "$store"
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
/usr/bin/time -v java "$@" -jar target/imagenetx.jar aggregate --synthetic --seed 42 --zoo "$store" \
  --factors multi,top --error-type class,metaclass,real_class --out "$out" \
  2> "$out/time.txt" | grep -v '^wrote ' || true
grep -E "Maximum resident set size|Elapsed \(wall clock\)" "$out/time.txt" | sed 's/^\s*//'
echo "JVM options: ${*:-(defaults)}"
