#!/usr/bin/env python3
"""Golden values of FisherExact (org.imagenetx.words): the two-sided p-value of Fisher's exact
test on a 2x2 table [[a, b], [c, d]], computed twice, independently of the Java code:

  exact:  rational arithmetic (fractions.Fraction, math.comb): the sum of the hypergeometric
          probabilities of every table with the observed margins that is at most as likely as the
          observed one (ties included), divided by nothing: the probabilities are exact.
  scipy:  scipy.stats.fisher_exact(table, alternative="two-sided") (scipy 1.17.1).

The exact value is the golden one; the script checks that scipy agrees to 1e-9 relative and that no
table's probability lies within a relative 1e-7 above the observed one (the tolerance R and
imagenetx use to count ties, so both definitions give the same p on these cases).
Run: python3 fisher_exact.py   (prints the Java rows of FisherExactTest.GOLDEN)
"""
from fractions import Fraction
from math import comb

from scipy.stats import fisher_exact

CASES = [
    (0, 0, 0, 0), (1, 0, 0, 1), (0, 1, 1, 0), (1, 1, 1, 1), (3, 1, 1, 3), (8, 2, 1, 5),
    (1, 9, 11, 3), (0, 5, 5, 0), (10, 10, 10, 10), (7, 12, 0, 15), (2, 7, 8, 2), (12, 5, 29, 2),
    (5, 0, 0, 5), (0, 20, 15, 30), (20, 0, 0, 1), (3, 17, 9, 41), (1, 1, 40, 2), (25, 30, 35, 40),
    (0, 1, 50, 100), (13, 87, 40, 60), (6, 194, 2, 398), (50, 950, 30, 970),
    # the shape of a word table on the real data: a term among ~10,000 mistakes and ~35,000 right
    (41, 10000, 60, 35000), (120, 11000, 250, 34000), (9, 12000, 2, 34000), (1309, 12000, 3000, 30000),
]


def exact_p(a, b, c, d):
    r1, c1, n = a + b, a + c, a + b + c + d
    lo, hi = max(0, r1 + c1 - n), min(r1, c1)
    total = comb(n, r1)
    weight = lambda x: comb(c1, x) * comb(n - c1, r1 - x)
    w_obs = weight(a)
    p = Fraction(0)
    for x in range(lo, hi + 1):
        w = weight(x)
        if w <= w_obs:
            p += Fraction(w, total)
        else:
            assert Fraction(w, w_obs) > Fraction(10000001, 10000000), (a, b, c, d, x)
    return min(p, Fraction(1))


for a, b, c, d in CASES:
    p = float(exact_p(a, b, c, d))
    s = fisher_exact([[a, b], [c, d]], alternative="two-sided").pvalue
    assert abs(s - p) <= 1e-9 * max(p, 1e-300), (a, b, c, d, p, s)
    print(f"    {{{a}, {b}, {c}, {d}, {p!r}}},")
