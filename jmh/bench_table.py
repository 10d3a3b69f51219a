#!/usr/bin/env python3
"""Turns a JMH JSON result (jmh/run.sh) into the Markdown tables of docs/zoo.md and the README:
the SPEC section 5 targets with the measured value, and imagenetx vs DuckDB ratios measured in the
same run. Usage: bench_table.py results/bench/<date>.json [--machine <note>] [--cache <dir>]
[--aggregation results/bench/<date>-aggregation.json] (the longer full-tables run of jmh/run.sh,
which carries the verdict on the 0.25 s target: the quick setting's two 1 s iterations are too few
on a VM whose speed drifts by 10-30%)"""
import argparse
import json
import os
import sys

p = argparse.ArgumentParser()
p.add_argument("json")
p.add_argument("--machine")
p.add_argument("--cache", default="/tmp/imagenetx-jmh")
p.add_argument("--aggregation")
a = p.parse_args()

TO_MS = {"ms/op": 1.0, "s/op": 1000.0, "us/op": 1e-3, "ns/op": 1e-6}
res = {}
for r in json.load(open(a.json)):
    name = r["benchmark"].rsplit(".", 2)
    params = r.get("params", {})
    # other parameters (e.g. the bootstrap's method and selection) name separate rows
    other = ", ".join(f"{k}={v}" for k, v in sorted(params.items()) if k != "models")
    key = (name[-2] + "." + name[-1] + (f" ({other})" if other else ""), int(params.get("models", 0)))
    m = r["primaryMetric"]
    f = TO_MS[m["scoreUnit"]]
    err = m.get("scoreError")
    res[key] = (m["score"] * f, (err * f) if isinstance(err, (int, float)) and err == err else None)


def get(bench, models=0):
    return res.get((bench, models))


def fmt(v):
    if v is None:
        return "–"
    ms, err = v
    s = f"{ms / 1000:.2f} s" if ms >= 1000 else (f"{ms:.1f} ms" if ms >= 1 else f"{ms * 1000:.0f} µs")
    if err is not None and ms > 0:
        s += f" ±{100 * err / ms:.0f}%"
    return s


def dir_bytes(d):
    try:
        return sum(os.path.getsize(os.path.join(d, f)) for f in os.listdir(d))
    except OSError:
        return None


def csv_bytes(models):
    return dir_bytes(os.path.join(a.cache, f"csv-{models}-seed42"))


out = []
if a.machine and os.path.exists(a.machine):
    out.append("Machine (" + "; ".join(l.strip() for l in open(a.machine) if l.strip()) + ").")
    out.append("")

out.append("| SPEC section 5 target | models | measured | target | met |")
out.append("|---|---:|---:|---:|:---:|")
one = os.path.join(a.cache, "csv-4-seed42", "synthetic_model_0000.csv")
parse = get("IngestBenchmark.parseOneCsv")
if parse and os.path.exists(one):
    mbs = os.path.getsize(one) / 1e6 / (parse[0] / 1000)
    out.append(f"| CSV parse, 1 core (IngestBenchmark.parseOneCsv) | 1 | {mbs:.0f} MB/s ({fmt(parse)}) | ≥ 150 MB/s per core | {'yes' if mbs >= 150 else 'no'} |")
for m in (4, 200, 2200):
    b = get("IngestBenchmark.buildStore", m)
    nb = csv_bytes(m)
    if b and nb:
        mbs = nb / 1e6 / (b[0] / 1000) / 2
        # a 4-model build (9 MB) is one cold shot after one warm-up shot: JIT and thread start-up,
        # not throughput; the per-core rate is judged where there is data to stream (parseOneCsv
        # covers one warm core)
        verdict = ('yes' if mbs >= 150 else 'no') if m != 4 else '– (cold shot)'
        out.append(f"| zoo build: CSV folder → store, 2 threads, per core (IngestBenchmark.buildStore) | {m} | {mbs:.0f} MB/s per core ({fmt(b)}) | ≥ 150 MB/s per core | {verdict} |")
for m in (4, 200, 2200):
    o = get("OpenBenchmark.open", m)
    if o:
        out.append(f"| reopen store (OpenBenchmark.open) | {m} | {fmt(o)} | < 0.5 s at 2,200 | {('yes' if o[0] < 500 else 'no') if m == 2200 else '–'} |")
longer = {}
if a.aggregation and os.path.exists(a.aggregation):
    for r in json.load(open(a.aggregation)):
        m = r["primaryMetric"]
        f = TO_MS[m["scoreUnit"]]
        lo, hi = m["scoreConfidence"]
        longer[r["benchmark"].rsplit(".", 1)[-1]] = (
            m["score"] * f, m["scoreError"] * f, hi * f, r["forks"], r["measurementIterations"],
            min(x for fork in m["rawData"] for x in fork) * f, max(x for fork in m["rawData"] for x in fork) * f)
for m in (4, 200, 2200):
    t = get("AggregationBenchmark.fullTablesFromStore", m)
    if t:
        verdict = ('yes' if t[0] < 250 else 'no') if m == 2200 else '–'
        if m == 2200 and longer:
            verdict = "– (quick setting; judged on the longer run below)"
        out.append(f"| full tables from the store, 2 threads (AggregationBenchmark.fullTablesFromStore) | {m} | {fmt(t)} | < 0.25 s at 2,200 | {verdict} |")
for name, label in (("fullTables", "in memory"), ("fullTablesFromStore", "from the store")):
    if name in longer:
        score, err, hi, forks, its, low, high = longer[name]
        out.append(
            f"| full tables {label}, 2 threads, {forks} forks × {its} iterations (AggregationBenchmark.{name}, {os.path.basename(a.aggregation)}) "
            f"| 2200 | {score:.1f} ms ±{err:.1f} (99.9% upper bound {hi:.1f} ms; iterations {low:.0f}–{high:.0f} ms) | < 0.25 s | {'yes' if hi < 250 else ('yes on the mean' if score < 250 else 'no')} |")
out.append("")

out.append("| models | DuckDB load | DuckDB query | DuckDB CSV → table | imagenetx CSV → table | ratio | imagenetx table (store loaded) | ratio vs DuckDB query | imagenetx store → table |")
out.append("|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
for m in (4, 200, 2200):
    load = get("DuckDbBenchmark.duckdbLoadCsv", m)
    query = get("DuckDbBenchmark.duckdbQuery", m)
    csv = get("DuckDbBenchmark.imagenetxCsvToTable", m)
    loaded = get("DuckDbBenchmark.imagenetxLoadedTable", m)
    store = get("DuckDbBenchmark.imagenetxStoreToTable", m)
    if not any((load, query, csv, loaded, store)):
        continue
    total = (load[0] + query[0], None) if load and query else None
    r1 = f"{total[0] / csv[0]:.1f}×" if total and csv else "–"
    r2 = f"{query[0] / loaded[0]:.1f}×" if query and loaded else "–"
    out.append(f"| {m} | {fmt(load)} | {fmt(query)} | {fmt(total)} | {fmt(csv)} | {r1} | {fmt(loaded)} | {r2} | {fmt(store)} |")
out.append("")
out.append("Ratios are DuckDB time / imagenetx time, both on 2 threads, same zoo, same run; the table is the")
out.append("per-factor accuracy table (multi factors, error type class, 19 columns). ± is JMH's 99.9% error.")
out.append("")

out.append("| benchmark | models | time |")
out.append("|---|---:|---:|")
for (b, m), v in sorted(res.items()):
    out.append(f"| {b} | {m or ''} | {fmt(v)} |")
print("\n".join(out))
