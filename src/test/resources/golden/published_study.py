"""Reference values of the published study in all six combinations, recomputed with pandas/scipy.

Regenerate (from the repository root; BASE holds the base models' tables written by
`imagenetx aggregate --factors multi,top --error-type class,metaclass,real_class --out BASE`):

    python3 src/test/resources/golden/published_study.py data/imagenet-x BASE \
        > src/test/resources/golden/published_study.csv

Rules, as the upstream study code applies them:
- groups: imagenet_testbed rows of the four study types; modelvshuman rows typed
  Self-supervised; base rows only when named in the self-supervised list (DINO, not SimCLR);
  first row of a model wins.
- error ratio = (1 - acc_f) / (1 - average); non-finite ratios left out.
- group test: scipy.stats.alexandergovern over the four groups' finite ratios.
- augmentation: levels with <= 4 models dropped (a `human` row dropped first); cubic by
  numpy.polyfit over every kept model; levels of the fitted minimum and maximum; Welch t of
  weak minus strong (scipy.stats.ttest_ind, equal_var=False); slope by scipy.stats.linregress.
- trios: factors with p < 0.05 ranked by t: three highest helped, three lowest hurt.

Output: CSV rows `combination,kind,key,value`.
"""

import re
import sys

import numpy as np
import pandas as pd
from scipy import stats

ROOT, BASE = sys.argv[1], sys.argv[2]
FACTORS = [
    "pose", "background", "pattern", "color", "smaller", "shape", "partial_view", "subcategory",
    "texture", "larger", "darker", "object_blocking", "person_blocking", "style", "brighter",
    "multiple_objects",
]
GROUPS = [
    "Supervised on more data", "Supervised on ImageNet-1K", "Self-supervised",
    "Robustness intervention",
]
AUGS = [("crop", "crop"), ("colorjitter", "color"), ("gaussian_blur", "smoothing")]

types = pd.read_csv(f"{ROOT}/model_types.csv").set_index("model")["model_type"].to_dict()
types.setdefault("DINO", "Self-supervised")


def table(sel, zoo, et):
    return pd.read_csv(f"{ROOT}/results/val/{sel}_factor/{zoo}/{et}/accuracies_per_factor.csv")


def ratios(df):
    er = (1 - df[FACTORS]).div(1 - df["average"], axis=0)
    er.index = df["model"]
    return er


out = []
for sel in ["top", "multi"]:
    for et in ["class", "real_class", "metaclass"]:
        combo = f"{sel}/{et}"
        tb = table(sel, "imagenet_testbed", et)
        tb = tb[tb.model.map(types).isin(GROUPS)]
        mvh = table(sel, "modelvshuman", et)
        mvh = mvh[mvh.model.map(types) == "Self-supervised"]
        base = pd.read_csv(f"{BASE}/val/{sel}_factor/base/{et}/accuracies_per_factor.csv")
        base = base[base.model.isin(["DINO"])]
        allm = pd.concat([tb, mvh, base]).drop_duplicates("model", keep="first")
        er = ratios(allm)
        grp = allm.model.map(types).values
        for g in GROUPS:
            out.append((combo, "size", g, int((grp == g).sum())))
        for f in FACTORS:
            samples = []
            for g in GROUPS:
                v = er[f].values[grp == g]
                v = v[np.isfinite(v)]
                out.append((combo, "mean", f"{g}|{f}", v.mean()))
                samples.append(v)
            out.append((combo, "ag_p", f, stats.alexandergovern(*samples).pvalue))
        pooled = {f: np.nanmean(er[f].values[np.isfinite(er[f].values)]) for f in FACTORS}
        order = sorted(FACTORS, key=lambda f: -pooled[f])
        out.append((combo, "order", "pooled_desc", " ".join(order)))
        for zoo, param in AUGS:
            df = table(sel, zoo, et)
            df = df[df.model != "human"]
            s = df.model.map(lambda m: float(re.search(param + r"([-+]?\d+\.?\d*(?:e[-+]?\d+)?)", m).group(1)))
            if zoo == "crop":
                s = 100 - s
            counts = s.value_counts()
            keep = s.map(counts) >= 5
            df, s = df[keep.values], s[keep.values]
            levels = np.sort(s.unique())
            er = ratios(df)
            sig = []
            for f in FACTORS:
                y = er[f].values
                x = s.values
                ok = np.isfinite(y)
                x, y = x[ok], y[ok]
                coef = np.polyfit(x, y, 3)
                fitted = np.polyval(coef, levels)
                lo, hi = levels[np.argmin(fitted)], levels[np.argmax(fitted)]
                weak, strong = min(lo, hi), max(lo, hi)
                a, b = y[x == weak], y[x == strong]
                t, p = stats.ttest_ind(a, b, equal_var=False)
                out.append((combo, "welch_t", f"{zoo}|{f}", t))
                out.append((combo, "welch_p", f"{zoo}|{f}", p))
                lr = stats.linregress(x, y)
                out.append((combo, "slope", f"{zoo}|{f}", lr.slope))
                if p < 0.05:
                    sig.append((t, f))
            ranked = sorted(sig)
            out.append((combo, "helped", zoo, " ".join(f for _, f in ranked[::-1][:3])))
            out.append((combo, "hurt", zoo, " ".join(f for _, f in ranked[:3])))

print("combination,kind,key,value")
for c, k, key, v in out:
    print(f"{c},{k},{key},{v!r}" if isinstance(v, float) else f"{c},{k},{key},{v}")
