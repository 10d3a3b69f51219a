#!/usr/bin/env bash
# Whole-process benchmarks of imagenetx (SPEC section 5, first list): every command timed as a whole
# process from outside (JVM start included), paired against a baseline in the same run: baseline,
# imagenetx, baseline, imagenetx, ...; the ratio is taken per pair (baseline time / imagenetx time)
# and the median of those ratios is reported, with each side's median, min and max wall time.
# Interleaving is what makes the ratios fair on a noisy machine: both sides of a pair meet the same
# machine state.
#
# Scenarios (default: all, ~30-40 min on 2 cores):
#   base    one table of the 4 real base models: imagenetx aggregate --factors multi --error-types
#           class, and ratios --factors multi to stdout, each against DuckDB computing the same table
#   help    java -jar target/imagenetx.jar --help (target < 0.4 s), beside a JVM printing "hi"
#   200     200 synthetic models, CSV folder -> table: imagenetx against DuckDB, and against a pandas
#           re-implementation of the published toolkit's pipeline (pandas_toolkit.py)
#   2200    2,200 synthetic models: imagenetx CSV folder -> store (zoo build) -> table (aggregate),
#           both processes timed, against DuckDB CSV folder -> table
#   memory  peak RSS of the 2,200-model tables step (aggregate, all tables, from a store)
# Every run's table is checked equal to DuckDB's (1e-12) once per run of this script; a difference
# stops the script.
#
# imagenetx runs as users run it: `java -jar`, so from the second command on a resident server of
# the jar answers (the warm-up round starts it; its cache directory is private to this run and is
# removed at the end, which stops the server). Each scenario also times the same commands with
# IMAGENETX_DAEMON=off, every command in its own JVM ("cold"), in the same rounds against the same
# baseline run. The memory scenario runs cold: it is the resident memory of the JVM doing the work.
#
# Usage: jmh/process/run.sh [scenario...] [options]   (see --help)
# Requires: java, GNU time (/usr/bin/time), python3 with duckdb and pandas (pip install duckdb pandas).
# Writes results/bench/<UTC date>-process[-<tag>].{json,md,machine.txt}.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
cd "$root"

usage() {
  cat <<USAGE
Usage: jmh/process/run.sh [base] [help] [200] [2200] [memory] [options]
Scenarios default to all of them. Options (defaults in brackets):
  --base-pairs N     paired rounds of the base scenario, per command [$base_pairs]
  --help-runs N      runs of --help and of the "hi" JVM, interleaved [$help_runs]
  --pairs-200 N      DuckDB/imagenetx pairs at 200 models [$pairs_200]
  --pandas-runs N    pandas/imagenetx pairs at 200 models (~30-60 s each) [$pandas_runs]
  --pairs-2200 N     DuckDB/imagenetx pairs at 2,200 models (~35-60 s each) [$pairs_2200]
  --memory-runs N    runs of the 2,200-model tables step for peak RSS [$memory_runs]
  --seed S           seed of the synthetic dataset and zoos [$seed]
  --data DIR         real ImageNet-X root (annotations/, model_predictions/base/)
                     [\$IMAGENETX_DATA, else data/imagenet-x if present, else ../shared/imagenet-x]
  --annotations-arg default|explicit|auto
                     whether imagenetx gets --annotations <DIR>/annotations (explicit) or uses its
                     default, the shipped release (default); auto: default when DIR is the
                     repository's data/imagenet-x [auto]
  --tag NAME         suffix of the output names: <date>-process-NAME.* []
  --note TEXT        a line for the machine note (e.g. what else ran on the machine) []
  --no-build         use target/imagenetx.jar as it is (default: build it first)
Synthetic zoos are cached in \${IMAGENETX_BENCH_DIR:-/tmp/imagenetx-bench} (200: 0.4 GB, 2,200: 4.5 GB).
USAGE
}

base_pairs=20
help_runs=30
pairs_200=15
pandas_runs=5
pairs_2200=5
memory_runs=5
seed=42
data="${IMAGENETX_DATA:-}"
ann_arg=auto
tag=""
note=""
build=1
scenarios=()
while [ $# -gt 0 ]; do
  case "$1" in
    base | help | 200 | 2200 | memory) scenarios+=("$1"); shift ;;
    --base-pairs) base_pairs="$2"; shift 2 ;;
    --help-runs) help_runs="$2"; shift 2 ;;
    --pairs-200) pairs_200="$2"; shift 2 ;;
    --pandas-runs) pandas_runs="$2"; shift 2 ;;
    --pairs-2200) pairs_2200="$2"; shift 2 ;;
    --memory-runs) memory_runs="$2"; shift 2 ;;
    --seed) seed="$2"; shift 2 ;;
    --data) data="$2"; shift 2 ;;
    --annotations-arg) ann_arg="$2"; shift 2 ;;
    --tag) tag="$2"; shift 2 ;;
    --note) note="$2"; shift 2 ;;
    --no-build) build=0; shift ;;
    -h | --help) usage; exit 0 ;;
    *) echo "jmh/process/run.sh: unknown argument '$1'" >&2; usage >&2; exit 2 ;;
  esac
done
[ ${#scenarios[@]} -gt 0 ] || scenarios=(base help 200 2200 memory)
has() {
  local s
  for s in "${scenarios[@]}"; do [ "$s" = "$1" ] && return 0; done
  return 1
}
for n in "$base_pairs" "$help_runs" "$pairs_200" "$pandas_runs" "$pairs_2200" "$memory_runs" "$seed"; do
  [[ "$n" =~ ^[0-9]+$ ]] || { echo "jmh/process/run.sh: '$n' is not a count" >&2; exit 2; }
done

# --- requirements: say what is missing and how to get it, before anything runs ---------------------
missing=()
command -v python3 > /dev/null || { echo "jmh/process/run.sh needs python3 (with: pip install duckdb pandas)" >&2; exit 3; }
if has base || has 200 || has 2200; then python3 -c 'import duckdb' 2> /dev/null || missing+=(duckdb); fi
if has 200; then python3 -c 'import pandas' 2> /dev/null || missing+=(pandas); fi
if [ ${#missing[@]} -gt 0 ]; then
  echo "jmh/process/run.sh: the Python package(s) ${missing[*]} are missing; the baselines need them." >&2
  echo "Install them with: pip install duckdb pandas" >&2
  exit 3
fi
command -v java > /dev/null || { echo "jmh/process/run.sh needs java (17+)" >&2; exit 3; }
/usr/bin/time -f %M -o /dev/null true 2> /dev/null ||
  { echo "jmh/process/run.sh needs GNU time as /usr/bin/time (peak RSS): apt-get install time" >&2; exit 3; }

# --- the jar, the data, the scratch space ---------------------------------------------------------
if [ "$build" = 1 ]; then
  echo "building target/imagenetx.jar"
  mvn -q -B -ntp -DskipTests package
fi
jar="$root/target/imagenetx.jar"
[ -f "$jar" ] || { echo "jmh/process/run.sh: no $jar (run without --no-build)" >&2; exit 3; }

has_ann() { compgen -G "$1/annotations/imagenet_x_val_multi_factor.jsonl*" > /dev/null; }
if [ -z "$data" ]; then
  if has_ann "$root/data/imagenet-x"; then data="$root/data/imagenet-x"; else data="$root/../shared/imagenet-x"; fi
fi
data="$(cd "$data" 2> /dev/null && pwd)" || data=""
if has base && { [ -z "$data" ] || ! has_ann "$data" || [ ! -d "$data/model_predictions/base" ]; }; then
  echo "jmh/process/run.sh: no real ImageNet-X release (annotations/ and model_predictions/base/) found;" >&2
  echo "pass --data <root> or set IMAGENETX_DATA" >&2
  exit 3
fi
if [ "$ann_arg" = auto ]; then
  shipped="$(cd "$root/data/imagenet-x" 2> /dev/null && pwd || true)"
  if [ -n "$data" ] && [ "$data" = "$shipped" ]; then ann_arg=default; else ann_arg=explicit; fi
fi
case "$ann_arg" in default | explicit) ;; *) echo "--annotations-arg: default, explicit or auto" >&2; exit 2 ;; esac

cache="${IMAGENETX_BENCH_DIR:-/tmp/imagenetx-bench}"
mkdir -p "$cache"
work="$(mktemp -d "$cache/run.XXXXXX")"
# a cache directory of this run only: no resident server before the warm-up round, none after the run
export IMAGENETX_CACHE="$work/cache"
stop_servers() { rm -f "$IMAGENETX_CACHE"/daemon/*.sock; sleep 2; }
trap 'stop_servers; rm -rf "$work"' EXIT
cold=(env IMAGENETX_DAEMON=off)
# after a scenario's warm-up round: the resident server the round started has finished its own
# warm-up and listens (it binds its socket then), so counted rounds do not share the machine with it
wait_server() {
  local i
  for ((i = 0; i < 300; i++)); do
    compgen -G "$IMAGENETX_CACHE/daemon/*.sock" > /dev/null && return 0
    sleep 0.1
  done
  echo "no resident server after 30 s (see $IMAGENETX_CACHE/daemon/*.log)" >&2
  return 1
}
ensure_server() { # for a scenario without a warm-up round: the first command starts the server
  compgen -G "$IMAGENETX_CACHE/daemon/*.sock" > /dev/null || { java -jar "$jar" ratios > /dev/null; wait_server; }
}
mkdir -p results/bench
stamp="$(date -u +%Y-%m-%d)"
name="${stamp}-process${tag:+-$tag}"
out="results/bench/$name"
raw="$work/raw.tsv"          # scenario, side, pair (0 = warm-up), seconds, peak RSS KB
commands="$work/commands.tsv" # scenario, side, command line
loads="$work/loads.tsv"       # scenario, start|end, load average
checks="$work/checks.txt"     # what each check printed
: > "$raw"
: > "$commands"
: > "$loads"
: > "$checks"
load_before="$(cut -d' ' -f1-3 /proc/loadavg)"
started="$(date -u +%FT%TZ)"

# --- timing ---------------------------------------------------------------------------------------
# timed <scenario> <side> <pair> <stdout file> <command...>: one whole process, wall time measured
# around it by the shell ($EPOCHREALTIME, no fork of its own), peak RSS by GNU time (which adds the
# same ~1 ms to every run, either side). A failed run stops the script with its stderr.
declare -A recorded=()
timed() {
  local scenario="$1" side="$2" pair="$3" stdout="$4"
  shift 4
  if [ -z "${recorded[$scenario/$side]:-}" ]; then
    recorded[$scenario/$side]=1
    printf '%s\t%s\t%s\n' "$scenario" "$side" "$*" >> "$commands"
  fi
  local t0 t1 rc=0
  t0="$EPOCHREALTIME"
  /usr/bin/time -f %M -o "$work/rss" "$@" > "$stdout" 2> "$work/stderr" || rc=$?
  t1="$EPOCHREALTIME"
  if [ "$rc" != 0 ]; then
    echo "FAILED ($rc): $scenario / $side: $*" >&2
    tail -n 30 "$work/stderr" >&2
    exit 1
  fi
  local us=$((${t1//[.,]/} - ${t0//[.,]/}))
  local rss
  rss="$(tail -n 1 "$work/rss")"
  printf '%s\t%s\t%s\t%d.%06d\t%s\n' "$scenario" "$side" "$pair" $((us / 1000000)) $((us % 1000000)) "$rss" >> "$raw"
  printf '  %-16s %-22s %3s  %8.3f s  %7d MB\n' "$scenario" "$side" "$pair" "$((us / 1000))e-3" "$((rss / 1024))"
}
check() { # check <label> <check_table.py args...>: fails loudly
  local label="$1"
  shift
  if ! python3 "$here/check_table.py" "$@" > "$work/check.out" 2>&1; then
    echo "CHECK FAILED: $label" >&2
    cat "$work/check.out" >&2
    echo "(a cached synthetic zoo from another version of the generator? remove $cache and re-run)" >&2
    exit 1
  fi
  echo "check $label: $(tr '\n' ' ' < "$work/check.out")" | tee -a "$checks"
}
table_in() { # the accuracies_per_factor.csv an aggregate run wrote under <dir>
  find "$1" -path '*/multi_factor/*/class/accuracies_per_factor.csv' | head -n 1
}
load() { printf '%s\t%s\t%s\n' "$1" "$2" "$(cut -d' ' -f1-3 /proc/loadavg)" >> "$loads"; }

# --- synthetic zoos, cached by models and seed ----------------------------------------------------
# The annotations of the seed are regenerated on every run (2 s) and compared with the cached copy:
# when the generator changed, the cached zoos of that seed are stale and are generated again.
synth_ann="$cache/annotations-seed$seed"
synth_ready=0
ensure_synth() { # ensure_synth <models>: $cache/csv-<models>-seed<seed>
  local n="$1" csv="$cache/csv-$1-seed$seed"
  if [ "$synth_ready" = 0 ]; then
    rm -rf "$work/ann" "$work/one"
    java -jar "$jar" synth --models 1 --seed "$seed" --out "$work/one" --annotations-out "$work/ann" > /dev/null
    if ! diff -rq "$work/ann" "$synth_ann" > /dev/null 2>&1; then
      echo "synthetic annotations of seed $seed new or changed: (re)generating the cached zoos of seed $seed"
      rm -rf "$synth_ann" "$cache"/csv-*-seed"$seed" "$cache"/store-*-seed"$seed".zoo
      mv "$work/ann" "$synth_ann"
    fi
    synth_ready=1
  fi
  if [ ! -d "$csv" ]; then
    echo "generating $n synthetic models (seed $seed) into $csv"
    rm -rf "$csv.partial"
    java -jar "$jar" synth --models "$n" --seed "$seed" --out "$csv.partial" --threads 2
    mv "$csv.partial" "$csv"
  fi
}

ixann=()
if [ "$ann_arg" = explicit ]; then ixann=(--annotations "$data/annotations"); fi

# --- scenarios ------------------------------------------------------------------------------------
if has base; then
  echo "== base: one table of the 4 real base models ($data, imagenetx annotations: $ann_arg)"
  load base start
  zoo="$data/model_predictions/base"
  duck=(python3 "$here/duckdb_table.py" --annotations "$data/annotations" --zoo "$zoo" --factors multi --threads 2 --out "$work/base-duckdb.csv")
  agg=(java -jar "$jar" aggregate --factors multi --error-type class "${ixann[@]}" --zoo "$zoo" --out "$work/base-agg")
  rat=(java -jar "$jar" ratios --factors multi "${ixann[@]}" --zoo "$zoo")
  # the main job as a user types it: no --zoo, the embedded release's base models
  def=(java -jar "$jar" ratios --factors multi "${ixann[@]}")
  for ((i = 0; i <= base_pairs; i++)); do # pair 0: warm-up (page cache), not counted
    timed base-aggregate duckdb "$i" /dev/null "${duck[@]}"
    timed base-aggregate imagenetx "$i" "$work/base-agg.out" "${agg[@]}"
    timed base-ratios duckdb "$i" /dev/null "${duck[@]}"
    timed base-ratios imagenetx "$i" "$work/base-ratios.out" "${rat[@]}"
    timed base-default duckdb "$i" /dev/null "${duck[@]}"
    timed base-default imagenetx "$i" "$work/base-default.out" "${def[@]}"
    timed base-default imagenetx-cold "$i" "$work/base-default-cold.out" "${cold[@]}" "${def[@]}"
    if [ "$i" = 0 ]; then
      check "base aggregate = DuckDB" "$work/base-duckdb.csv" "$(table_in "$work/base-agg")"
      check "base ratios = DuckDB" "$work/base-duckdb.csv" --ratios "$work/base-ratios.out"
      check "base default ratios = DuckDB" "$work/base-duckdb.csv" --ratios "$work/base-default.out"
      check "base default ratios, cold = DuckDB" "$work/base-duckdb.csv" --ratios "$work/base-default-cold.out"
      wait_server
    fi
  done
  load base end
fi

if has help; then
  echo "== help: java -jar target/imagenetx.jar --help, beside a JVM printing hi"
  load help start
  hi="$cache/hi-$(java -version 2>&1 | head -n 1 | tr -c 'A-Za-z0-9.\n' _ | head -c 60)"
  if [ ! -f "$hi/Hi.class" ]; then
    mkdir -p "$hi"
    printf 'public class Hi {\n  public static void main(String[] a) {\n    System.out.println("hi");\n  }\n}\n' > "$hi/Hi.java"
    javac -d "$hi" "$hi/Hi.java"
  fi
  for ((i = 0; i <= help_runs; i++)); do
    timed help hi "$i" /dev/null java -cp "$hi" Hi
    timed help imagenetx "$i" /dev/null java -jar "$jar" --help
  done
  load help end
fi

if has 200; then
  echo "== 200 synthetic models, CSV folder -> table"
  ensure_synth 200
  load 200 start
  csv="$cache/csv-200-seed$seed"
  duck=(python3 "$here/duckdb_table.py" --annotations "$synth_ann" --zoo "$csv" --factors multi --threads 2 --out "$work/200-duckdb.csv")
  pandas=(python3 "$here/pandas_toolkit.py" --annotations "$synth_ann" --zoo "$csv" --factors multi --out "$work/200-pandas.csv")
  agg=(java -jar "$jar" aggregate --annotations "$synth_ann" --factors multi --error-type class --zoo "$csv" --out "$work/200-agg")
  for ((i = 0; i <= pairs_200; i++)); do
    timed 200-duckdb duckdb "$i" /dev/null "${duck[@]}"
    timed 200-duckdb imagenetx "$i" /dev/null "${agg[@]}"
    if [ "$i" = 0 ]; then check "200 aggregate = DuckDB" "$work/200-duckdb.csv" "$(table_in "$work/200-agg")"; fi
    timed 200-duckdb imagenetx-cold "$i" /dev/null "${cold[@]}" "${agg[@]}"
    if [ "$i" = 0 ]; then wait_server; fi
    if [ "$i" -ge 1 ] && [ "$i" -le "$pandas_runs" ]; then
      timed 200-pandas pandas "$i" /dev/null "${pandas[@]}"
      timed 200-pandas imagenetx "$i" /dev/null "${agg[@]}"
      timed 200-pandas imagenetx-cold "$i" /dev/null "${cold[@]}" "${agg[@]}"
      if [ "$i" = 1 ]; then check "200 pandas re-implementation = DuckDB" "$work/200-duckdb.csv" "$work/200-pandas.csv"; fi
    fi
  done
  # more pandas runs than DuckDB pairs asked for: the rest, still paired
  for ((i = pairs_200 + 1; i <= pandas_runs; i++)); do
    timed 200-pandas pandas "$i" /dev/null "${pandas[@]}"
    timed 200-pandas imagenetx "$i" /dev/null "${agg[@]}"
    timed 200-pandas imagenetx-cold "$i" /dev/null "${cold[@]}" "${agg[@]}"
  done
  load 200 end
fi

if has 2200; then
  echo "== 2,200 synthetic models, CSV folder -> store -> table"
  ensure_synth 2200
  load 2200 start
  csv="$cache/csv-2200-seed$seed"
  store="$work/zoo2200.zoo"
  duck=(python3 "$here/duckdb_table.py" --annotations "$synth_ann" --zoo "$csv" --factors multi --threads 2 --out "$work/2200-duckdb.csv")
  build_cmd=(java -jar "$jar" zoo build --annotations "$synth_ann" --from "$csv" --out "$store")
  agg=(java -jar "$jar" aggregate --annotations "$synth_ann" --factors multi --error-type class --zoo "$store" --out "$work/2200-agg")
  ensure_server
  for ((i = 1; i <= pairs_2200; i++)); do # no warm-up pair: the zoo was just read or generated
    timed 2200 duckdb "$i" /dev/null "${duck[@]}"
    rm -f "$store"
    timed 2200 imagenetx-build "$i" /dev/null "${build_cmd[@]}"
    timed 2200 imagenetx-aggregate "$i" /dev/null "${agg[@]}"
    if [ "$i" = 1 ]; then check "2200 zoo build + aggregate = DuckDB" "$work/2200-duckdb.csv" "$(table_in "$work/2200-agg")"; fi
    rm -f "$store"
    timed 2200 imagenetx-cold-build "$i" /dev/null "${cold[@]}" "${build_cmd[@]}"
    timed 2200 imagenetx-cold-aggregate "$i" /dev/null "${cold[@]}" "${agg[@]}"
  done
  rm -f "$store"
  load 2200 end
fi

if has memory; then
  echo "== memory: peak RSS of the 2,200-model tables step (all tables, from a store)"
  ensure_synth 2200
  store="$cache/store-2200-seed$seed.zoo"
  if [ ! -f "$store" ]; then
    java -jar "$jar" zoo build --synthetic --seed "$seed" --from "$cache/csv-2200-seed$seed" --out "$store.partial.zoo" > /dev/null
    mv "$store.partial.zoo" "$store"
  fi
  load memory start
  for ((i = 1; i <= memory_runs; i++)); do
    timed memory imagenetx-tables "$i" /dev/null "${cold[@]}" java -jar "$jar" aggregate --synthetic --seed "$seed" --zoo "$store" --out "$work/mem"
  done
  load memory end
fi

# --- the machine note and the report --------------------------------------------------------------
versions="$(python3 - << 'PY'
import sys
out = ["python " + sys.version.split()[0]]
for m in ("duckdb", "pandas"):
    try:
        out.append(f"{m} {__import__(m).__version__}")
    except ImportError:
        out.append(f"{m} missing")
print(", ".join(out))
PY
)"
{
  echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
  echo "load average before: $load_before"
  echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "java: $(java -version 2>&1 | head -n 1)"
  echo "python: $versions"
  echo "imagenetx: $(git rev-parse --short HEAD 2> /dev/null || echo '?')$(git diff --quiet HEAD -- src pom.xml 2> /dev/null || echo ' (with uncommitted changes)'), target/imagenetx.jar $(($(stat -c %s "$jar") / 1048576)) MB"
  echo "data: $data (imagenetx annotations: $ann_arg); synthetic seed $seed, zoos in $cache"
  echo "date: $started to $(date -u +%FT%TZ)"
  for pid in $(pgrep -f -- "-jar $jar\$" || true); do
    echo "resident server (pid $pid): peak RSS $(awk '/VmHWM/ {printf "%.0f MB", $2/1024}' /proc/"$pid"/status), RSS now $(awk '/VmRSS/ {printf "%.0f MB", $2/1024}' /proc/"$pid"/status)"
  done
  if [ -n "$note" ]; then echo "note: $note"; fi
} > "$out.machine.txt"
python3 "$here/process_table.py" --raw "$raw" --commands "$commands" --loads "$loads" --checks "$checks" \
  --machine "$out.machine.txt" --root "$root" --json "$out.json" --md "$out.md" \
  --settings "base_pairs=$base_pairs" "help_runs=$help_runs" "pairs_200=$pairs_200" "pandas_runs=$pandas_runs" \
  "pairs_2200=$pairs_2200" "memory_runs=$memory_runs" "seed=$seed" "scenarios=${scenarios[*]}"
echo "wrote $out.json, $out.md and $out.machine.txt"
