#!/usr/bin/env python3
"""A re-implementation, with pandas, of the published `imagenet-x` toolkit's pipeline
(`get_factor_accuracies`), used as the pandas baseline of jmh/process/run.sh. The toolkit itself
cannot be installed on the benchmark machine, so this script follows its steps with the same
library calls; it is labelled "pandas toolkit (re-implementation)" wherever its times appear, and its
table is checked equal to imagenetx's.

The steps, as the toolkit's:
1. load the annotation jsonl of the factor selection into a DataFrame (`pd.read_json(lines=True)`),
   and drop the prototype images listed in prototypical_paths.csv;
2. read every model CSV of the folder with `pd.read_csv`, tag it with the model name (the file
   stem), and concatenate them into one long DataFrame (one row per model and image);
3. merge it with the annotations on file_name (inner join: annotated, non-prototype images);
4. is_correct = predicted_class == class;
5. per model: each factor's accuracy (correct images with the factor / images with the factor),
   average (accuracy over all merged images), worst_factor (the lowest factor accuracy) and
   worst_100_classes (pooled accuracy of the 100 classes with the lowest per-class accuracy, ties
   broken by class id);
6. write accuracies_per_factor.csv (model, 16 factors, worst_factor, average, worst_100_classes).

Only the `class` error type is implemented (the table the benchmarks compare).
Usage: pandas_toolkit.py --annotations <dir> --zoo <dir> --out <csv> [--factors multi|top]
Requires: pip install pandas
"""
import argparse
import glob
import os
import sys

try:
    import pandas as pd
except ImportError:
    sys.exit("pandas_toolkit.py needs the Python package pandas: pip install pandas")

FACTORS = ("pose background pattern color smaller shape partial_view subcategory texture larger darker "
           "object_blocking person_blocking style brighter multiple_objects").split()


def find(folder, name):
    for suffix in ("", ".gz", ".zst"):
        p = os.path.join(folder, name + suffix)
        if os.path.exists(p):
            return p
    sys.exit(f"pandas_toolkit.py: no {name} in {folder}")


def load_annotations(folder, which_factor="multi", partition="val", filter_prototypes=True):
    annotations = pd.read_json(find(folder, f"imagenet_x_{partition}_{which_factor}_factor.jsonl"), lines=True)
    if filter_prototypes:
        prototypes = pd.read_csv(find(folder, "prototypical_paths.csv"))
        names = prototypes.file_name.str.split("/").str[-1]
        annotations = annotations[~annotations.file_name.isin(names)]
    return annotations


def model_name(path):
    base = os.path.basename(path)
    for suffix in (".csv.gz", ".csv.zst", ".csv"):
        if base.endswith(suffix):
            return base[: -len(suffix)]
    return base


def load_model_predictions(models_dir):
    files = sorted(f for g in ("*.csv", "*.csv.gz", "*.csv.zst") for f in glob.glob(os.path.join(models_dir, g)))
    if not files:
        sys.exit(f"pandas_toolkit.py: no <model>.csv files in {models_dir}")
    frames = []
    for f in files:
        df = pd.read_csv(f)
        df["model"] = model_name(f)
        frames.append(df)
    return pd.concat(frames, ignore_index=True)


def worst_classes_accuracy(preds, n=100):
    per_class = preds.groupby(["model", "class"]).is_correct.agg(["sum", "count"]).reset_index()
    per_class["acc"] = per_class["sum"] / per_class["count"]
    worst = per_class.sort_values(["model", "acc", "class"], kind="mergesort").groupby("model").head(n)
    pooled = worst.groupby("model")[["sum", "count"]].sum()
    return pooled["sum"] / pooled["count"]


def get_factor_accuracies(annotations_dir, models_dir, which_factor="multi", partition="val", filter_prototypes=True):
    annotations = load_annotations(annotations_dir, which_factor, partition, filter_prototypes)
    preds = load_model_predictions(models_dir)
    preds = preds.merge(annotations, on="file_name")
    preds["is_correct"] = preds.predicted_class == preds["class"]
    by_model = preds.groupby("model")
    correct_with_factor = preds[FACTORS].mul(preds.is_correct, axis=0).groupby(preds.model).sum()
    with_factor = by_model[FACTORS].sum()
    table = correct_with_factor / with_factor
    table["worst_factor"] = table[FACTORS].min(axis=1)
    table["average"] = by_model.is_correct.mean()
    table["worst_100_classes"] = worst_classes_accuracy(preds)
    return table.sort_index()


def main():
    p = argparse.ArgumentParser(description="pandas re-implementation of the imagenet-x toolkit's get_factor_accuracies")
    p.add_argument("--annotations", required=True)
    p.add_argument("--zoo", required=True)
    p.add_argument("--out", required=True)
    p.add_argument("--factors", choices=("multi", "top"), default="multi")
    a = p.parse_args()
    table = get_factor_accuracies(a.annotations, a.zoo, a.factors)
    table.index.name = "model"
    # repr-exact floats, so the check against imagenetx can be to 1e-12
    table.to_csv(a.out, float_format=None)


if __name__ == "__main__":
    main()
