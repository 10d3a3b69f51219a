#!/usr/bin/env python3
"""Checks that two accuracies_per_factor.csv tables are the same table: the same columns, the same
models, and every value equal within a tolerance (default 1e-12). With --ratios, also checks that a
table printed by `imagenetx ratios` (whitespace-separated, one row per model) holds the error ratios
(1 - acc_f) / (1 - average) of the expected table, to the printed decimals.
Exits 1 with the first differences when they differ, so jmh/process/run.sh fails loudly.
Usage: check_table.py <expected.csv> <actual.csv> [--tol 1e-12] [--ratios <printed.txt>]
       check_table.py <expected.csv> --ratios <printed.txt>"""
import argparse
import csv
import sys


def read(path):
    with open(path, newline="") as f:
        rows = list(csv.reader(f))
    if not rows:
        sys.exit(f"check_table.py: {path} is empty")
    header, body = rows[0], rows[1:]
    if header[0] != "model":
        sys.exit(f"check_table.py: {path}: first column is {header[0]!r}, not 'model'")
    table = {}
    for r in body:
        table[r[0]] = {c: float(v) for c, v in zip(header[1:], r[1:])}
    return header, table


def compare(expected, actual, tol, names):
    he, te = expected
    ha, ta = actual
    errors = []
    if he != ha:
        errors.append(f"columns differ:\n  {names[0]}: {he}\n  {names[1]}: {ha}")
    if set(te) != set(ta):
        only_e = sorted(set(te) - set(ta))[:5]
        only_a = sorted(set(ta) - set(te))[:5]
        errors.append(f"models differ ({len(te)} vs {len(ta)}): only in {names[0]}: {only_e}; only in {names[1]}: {only_a}")
    worst = 0.0
    for m in sorted(set(te) & set(ta)):
        for c, v in te[m].items():
            w = ta[m].get(c)
            if w is None:
                continue
            d = abs(v - w)
            worst = max(worst, d)
            if not d <= tol:  # NaN fails too
                if len(errors) < 10:
                    errors.append(f"{m}.{c}: {v!r} vs {w!r} (|diff| {d:.3g} > {tol:g})")
    return errors, worst


def ratios(expected, printed):
    """The printed error ratio table against (1 - acc_f) / (1 - average) of the expected table."""
    he, te = expected
    lines = [l.split() for l in open(printed) if l.strip()]
    header = next((l for l in lines if l and l[0] == "model"), None)
    if header is None:
        return [f"{printed}: no header line starting with 'model'"], 0.0
    errors, worst, seen = [], 0.0, 0
    for l in lines:
        if l[0] not in te or len(l) != len(header):
            continue
        seen += 1
        for c, v in zip(header[1:], l[1:]):
            acc = te[l[0]]
            want = (1 - acc[c]) / (1 - acc["average"])
            decimals = len(v.split(".")[1]) if "." in v else 0
            d = abs(float(v) - want)
            worst = max(worst, d)
            if d > 0.5 * 10 ** -decimals + 1e-12 and len(errors) < 10:
                errors.append(f"ratio {l[0]}.{c}: printed {v}, expected {want!r}")
    if seen != len(te):
        errors.append(f"{printed}: {seen} model rows, expected {len(te)}")
    return errors, worst


def main():
    p = argparse.ArgumentParser()
    p.add_argument("expected")
    p.add_argument("actual", nargs="?")
    p.add_argument("--tol", type=float, default=1e-12)
    p.add_argument("--ratios")
    a = p.parse_args()
    expected = read(a.expected)
    failed = False
    if a.actual:
        errors, worst = compare(expected, read(a.actual), a.tol, (a.expected, a.actual))
        if errors:
            failed = True
            print(f"TABLES DIFFER: {a.expected} vs {a.actual}", file=sys.stderr)
            for e in errors:
                print("  " + e, file=sys.stderr)
        else:
            print(f"same table: {len(expected[1])} models x {len(expected[0]) - 1} columns, max |diff| {worst:.3g} (tolerance {a.tol:g})")
    if a.ratios:
        errors, worst = ratios(expected, a.ratios)
        if errors:
            failed = True
            print(f"PRINTED RATIOS DIFFER: {a.ratios} vs {a.expected}", file=sys.stderr)
            for e in errors:
                print("  " + e, file=sys.stderr)
        else:
            print(f"printed error ratios agree with the table to their decimals (max |diff| {worst:.3g})")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
