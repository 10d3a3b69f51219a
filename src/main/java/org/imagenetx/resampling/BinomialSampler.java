package org.imagenetx.resampling;

import java.util.SplittableRandom;

/**
 * Exact binomial variates, allocation-free: inversion by sequential search for {@code n·p ≤ 20} and
 * the BTRS rejection algorithm of Hörmann (1993) above. Both return draws with exactly the binomial
 * law (up to floating point), which the multinomial cell bootstrap needs; the normal or Poisson
 * approximations would not do.
 *
 * <p>BTRS replaced BTPE (Kachitvichyanukul &amp; Schmeiser 1988, NumPy's choice), which was slower
 * at the means where most of a paired comparison's cells lie: one draw at a time, 116–140 ns
 * against 86–109 at means 10–30 and 95 against 71 at 100 (BTPE's setup has six divisions and its
 * exact step loops up to 20 times); the two are even from about 1,000 up.
 *
 * @internal used by the bootstrap; tested against the Hipparchus binomial pmf.
 */
public final class BinomialSampler {
  /**
   * Up to this mean, inversion's O(n·p) search beats BTRS, whose quick acceptance gets rarer at
   * small means (it needs n·p ≥ 10): 67 vs 83 ns at mean 15, 73 vs 85 at 20, 112 vs 79 at 30 (1,000
   * draws with one p, as the bootstrap makes them).
   */
  static final double INVERSION_MAX_MEAN = 20;

  private BinomialSampler() {}

  /**
   * @param rng source of uniforms
   * @param n trials (≥ 0)
   * @param p success probability in [0, 1]
   * @return a Binomial(n, p) variate
   */
  public static int sample(SplittableRandom rng, int n, double p) {
    if (n == 0 || p <= 0) {
      return 0;
    }
    if (p >= 1) {
      return n;
    }
    boolean flip = p > 0.5;
    double ps = flip ? 1 - p : p;
    int y = drawSmaller(rng, n, ps, Math.log(1 - ps), ps / (1 - ps));
    return flip ? n - y : y;
  }

  /**
   * One step of the multinomial chain for every replicate at once: {@code draws[off + b] ~
   * Bin(remaining[b], p)}, then {@code remaining[b] −= draws[off + b]}, for {@code b < len}. The
   * draws have exactly the law of {@link #sample} (a test checks both against the pmf); the
   * logarithm and ratio of {@code p} are computed once for the loop instead of once per draw, and
   * the draws, independent of each other, overlap in the processor.
   *
   * @param rng source of uniforms
   * @param p success probability in [0, 1], the same for every draw
   * @param remaining trials per replicate (≥ 0), decremented by the draw
   * @param draws output
   * @param off first output index
   * @param len replicates
   */
  public static void drawAll(
      SplittableRandom rng, double p, int[] remaining, int[] draws, int off, int len) {
    boolean flip = p > 0.5;
    double ps = flip ? 1 - p : p;
    double logQ = Math.log(1 - ps);
    double ratio = ps / (1 - ps);
    for (int b = 0; b < len; b++) {
      int n = remaining[b];
      int y = n == 0 || ps <= 0 ? 0 : drawSmaller(rng, n, ps, logQ, ratio);
      int x = flip ? n - y : y;
      draws[off + b] = x;
      remaining[b] = n - x;
    }
  }

  /**
   * A Binomial(n, ps) variate for {@code 0 < ps ≤ ½} and {@code n > 0}: inversion at small means,
   * BTRS above.
   *
   * @param logQ {@code log(1 − ps)}
   * @param ratio {@code ps / (1 − ps)}
   */
  private static int drawSmaller(
      SplittableRandom rng, int n, double ps, double logQ, double ratio) {
    return ps * n <= INVERSION_MAX_MEAN ? inversion(rng, n, ps, logQ, ratio) : btrs(rng, n, ps);
  }

  /** {@code 1/x} for the first steps of the inversion search: a multiply instead of a divide. */
  private static final double[] RECIPROCAL = new double[64];

  static {
    for (int x = 1; x < RECIPROCAL.length; x++) {
      RECIPROCAL[x] = 1.0 / x;
    }
  }

  /**
   * Sequential search from 0 with the pmf recurrence {@code f(x) = f(x − 1)·(n − x + 1)/x·p/q};
   * restarts past a far bound (as NumPy).
   *
   * @param logQ {@code log(1 − p)}: Math.log, not log1p (StrictMath.log1p was 9 % of
   *     BootstrapBenchmark); p > 1e-6 whenever n·p matters, so q^n keeps a relative error below
   *     n·2^-52
   * @param ratio {@code p / (1 − p)}
   */
  private static int inversion(SplittableRandom rng, int n, double p, double logQ, double ratio) {
    double qn = Math.exp(n * logQ);
    double np = n * p;
    int bound = (int) Math.min(n, np + 10.0 * Math.sqrt(np * (1 - p) + 1));
    int x = 0;
    double px = qn;
    double u = rng.nextDouble();
    while (u > px) {
      x++;
      if (x > bound) {
        x = 0;
        px = qn;
        u = rng.nextDouble();
      } else {
        u -= px;
        px *= (n - x + 1) * ratio * (x < RECIPROCAL.length ? RECIPROCAL[x] : 1.0 / x);
      }
    }
    return x;
  }

  /**
   * BTRS, "transformed rejection with squeeze" (Hörmann 1993, "The generation of binomial random
   * variates", J. Statist. Comput. Simul. 46), for p ≤ 0.5 and n·p ≥ {@value #INVERSION_MAX_MEAN}.
   * Two uniforms give a candidate {@code k} from a transformed hat; inside the box where the hat is
   * tight (about 80 % of draws at large means) it is accepted at once, otherwise it is accepted iff
   * {@code log v ≤ log(f(k)/f(m))}, with the log-pmf ratio from Stirling's series plus exact tail
   * corrections below 10 — the rejection test is exact, so is the law (as in TensorFlow's and
   * PyTorch's binomial samplers, which use the same algorithm).
   */
  private static int btrs(SplittableRandom rng, int n, double p) {
    double q = 1 - p;
    double spq = Math.sqrt(n * p * q);
    double b = 1.15 + 2.53 * spq;
    double a = -0.0873 + 0.0248 * b + 0.01 * p;
    double c = n * p + 0.5;
    double vr = 0.92 - 4.2 / b;
    while (true) {
      double u = rng.nextDouble() - 0.5;
      double v = rng.nextDouble();
      double us = 0.5 - Math.abs(u);
      double k = Math.floor((2 * a / us + b) * u + c);
      if (us >= 0.07 && v <= vr) {
        return (int) k;
      }
      if (k < 0 || k > n) {
        continue;
      }
      double r = p / q;
      double alpha = (2.83 + 5.1 / b) * spq;
      double m = Math.floor((n + 1) * p);
      double logV = Math.log(v * alpha / (a / (us * us) + b));
      // log f(k)/f(m) = log m! + log (n−m)! − log k! − log (n−k)! + (k − m) log r, with
      // log x! = (x + ½) log(x + 1) − (x + 1) + ½ log 2π + tail(x); the linear terms cancel.
      double bound =
          (m + 0.5) * Math.log((m + 1) / (r * (n - m + 1)))
              + (n + 1) * Math.log((n - m + 1) / (n - k + 1))
              + (k + 0.5) * Math.log(r * (n - k + 1) / (k + 1))
              + stirlingTail(m)
              + stirlingTail(n - m)
              - stirlingTail(k)
              - stirlingTail(n - k);
      if (logV <= bound) {
        return (int) k;
      }
    }
  }

  /** {@code log x! − ((x + ½) log(x + 1) − (x + 1) + ½ log 2π)} for x = 0..9, exactly. */
  private static final double[] TAIL = new double[10];

  static {
    double logFactorial = 0;
    for (int x = 0; x < TAIL.length; x++) {
      logFactorial += x == 0 ? 0 : Math.log(x);
      TAIL[x] =
          logFactorial - ((x + 0.5) * Math.log(x + 1) - (x + 1) + 0.5 * Math.log(2 * Math.PI));
    }
  }

  /**
   * The remainder of Stirling's series for {@code log x!}: exact below 10, else {@code 1/(12z) −
   * 1/(360z³) + 1/(1260z⁵)} with {@code z = x + 1} (next term below 3·10⁻¹¹).
   */
  static double stirlingTail(double x) {
    if (x < TAIL.length) {
      return TAIL[(int) x];
    }
    double z = x + 1;
    double z2 = z * z;
    return (1.0 / 12 - (1.0 / 360 - 1.0 / 1260 / z2) / z2) / z;
  }
}
