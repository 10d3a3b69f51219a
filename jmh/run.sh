#!/usr/bin/env bash
# Runs the JMH benchmarks on a quick setting and writes results/bench/<date>.json.
# Usage: jmh/run.sh [benchmark regex] [extra JMH args...]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
mvn -B -q -ntp -DskipTests -f jmh/pom.xml package
mkdir -p results/bench
out="results/bench/$(date -u +%Y-%m-%d).json"
regex="${1:-.}"
shift || true
java -jar jmh/target/benchmarks.jar "$regex" -rf json -rff "$out" "$@"
{
  echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
  echo "java: $(java -version 2>&1 | head -1)"
  echo "date: $(date -u +%FT%TZ)"
} > "${out%.json}.machine.txt"
echo "wrote $out"
