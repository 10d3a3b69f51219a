#!/usr/bin/env bash
# The explorer's load figures (docs/explorer.md "Load"): 2,000 API requests from 8 concurrent clients
# on loopback against the 2,200-model synthetic zoo, after 1,000 warm-up requests; latency
# percentiles over all requests and per endpoint, throughput, where the CPU went, live heap.
# Writes results/bench/explorer-load.json (or --out <json>). The default test run only checks the
# load functionally (ExplorerLoadTest); timing figures come from here.
# Usage: jmh/process/explorer-load.sh [--no-build] [ExplorerLoad args: --out F --models N
#        --requests N --clients N --warmup N --seed S]
# JVM options: EXPLORER_LOAD_JAVA_OPTS (default -Xmx3g, as the test JVM).
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
if [ "${1:-}" = "--no-build" ]; then
  shift
else
  # -DskipTests still compiles the test classes, where the load driver lives
  mvn -q -B -ntp -DskipTests package
fi
[ -d target/test-classes/org/imagenetx/serve ] && [ -f target/imagenetx-engine.jar ] ||
  { echo "explorer-load.sh: build first (mvn -DskipTests package)" >&2; exit 3; }
mkdir -p results/bench
# the load driver is a test class; the fat jar carries the engine and its libraries
java ${EXPLORER_LOAD_JAVA_OPTS:--Xmx3g} -cp target/test-classes:target/imagenetx-engine.jar \
  org.imagenetx.serve.ExplorerLoad "$@"
