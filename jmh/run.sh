#!/usr/bin/env bash
# Runs the JMH benchmarks on a quick setting and writes results/bench/<date>.json, the machine note
# <date>.machine.txt and the Markdown summary <date>.md (SPEC targets, imagenetx vs DuckDB ratios);
# a full run also repeats the 2,200-model full tables longer, into <date>-aggregation.json.
# Usage: jmh/run.sh [benchmark regex] [JMH args...]   (default: everything, quick setting)
# The synthetic zoos (up to 2,200 models, ~4.6 GB of CSV) are cached in ${IMAGENETX_JMH_DIR:-/tmp/imagenetx-jmh}.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
mvn -B -q -ntp -DskipTests -f jmh/pom.xml package
mkdir -p results/bench
stamp="$(date -u +%Y-%m-%d)"
out="results/bench/${stamp}.json"
regex="${1:-.}"
shift || true
if [ "$#" -eq 0 ]; then
  # quick: 1 warmup + 2 measured iterations of 1 s (single-shot benchmarks: 1 + 2 shots), one fork
  set -- -wi 1 -i 2 -w 1s -r 1s -f 1
fi
# JMH_JAVA_OPTS: extra options of the harness JVM, e.g. -Djmh.ignoreLock=true on a shared machine
java ${JMH_JAVA_OPTS:-} -Dimagenetx.jmh.dir="${IMAGENETX_JMH_DIR:-/tmp/imagenetx-jmh}" -jar jmh/target/benchmarks.jar "$regex" \
  -jvmArgsPrepend "-Dimagenetx.jmh.dir=${IMAGENETX_JMH_DIR:-/tmp/imagenetx-jmh}" -rf json -rff "$out" "$@"
agg=""
if [ "$regex" = "." ]; then
  # the full tables again, longer (2 forks x 8 iterations of 2 s after 3 warm-ups): this carries the
  # verdict on the 0.25 s target, which two 1 s iterations on a drifting VM cannot
  agg="results/bench/${stamp}-aggregation.json"
  java ${JMH_JAVA_OPTS:-} -Dimagenetx.jmh.dir="${IMAGENETX_JMH_DIR:-/tmp/imagenetx-jmh}" -jar jmh/target/benchmarks.jar \
    'AggregationBenchmark' -p models=2200 -wi 3 -i 8 -w 2s -r 2s -f 2 \
    -jvmArgsPrepend "-Dimagenetx.jmh.dir=${IMAGENETX_JMH_DIR:-/tmp/imagenetx-jmh}" -rf json -rff "$agg"
fi
{
  echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
  echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "java: $(java -version 2>&1 | head -1)"
  echo "date: $(date -u +%FT%TZ)"
} > "${out%.json}.machine.txt"
python3 jmh/bench_table.py "$out" --machine "${out%.json}.machine.txt" \
  --cache "${IMAGENETX_JMH_DIR:-/tmp/imagenetx-jmh}" ${agg:+--aggregation "$agg"} > "${out%.json}.md"
echo "wrote $out, ${out%.json}.machine.txt and ${out%.json}.md"
