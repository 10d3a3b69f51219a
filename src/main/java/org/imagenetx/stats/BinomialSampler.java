package org.imagenetx.stats;

import java.util.SplittableRandom;

/**
 * Exact binomial variates, allocation-free: inversion by sequential search for {@code n·p ≤ 30}
 * and the BTPE rejection algorithm of Kachitvichyanukul &amp; Schmeiser (1988), "Binomial random
 * variate generation", CACM 31(2), above (same split and constants as NumPy's {@code
 * random_binomial}). Both return draws with exactly the binomial law (up to floating point), which
 * the multinomial cell bootstrap needs; the normal or Poisson approximations would not do.
 *
 * @internal used by the bootstrap; tested against the Hipparchus binomial pmf.
 */
public final class BinomialSampler {
  /**
   * Above this mean, inversion's O(n·p) search loses to BTPE's constant expected cost: 156 ns vs
   * 62 ns per draw at means up to 30 (BootstrapBenchmark cell mix). 10 is the smallest mean the BTPE
   * paper admits (its squeeze constants assume n·p ≥ 10); NumPy keeps 30.
   */
  static final double INVERSION_MAX_MEAN = 10;

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
    if (p <= 0.5) {
      return p * n <= INVERSION_MAX_MEAN ? inversion(rng, n, p) : btpe(rng, n, p);
    }
    double q = 1 - p;
    return n - (q * n <= INVERSION_MAX_MEAN ? inversion(rng, n, q) : btpe(rng, n, q));
  }

  /** Sequential search from 0 with the pmf recurrence; restarts past a far bound (as NumPy). */
  private static int inversion(SplittableRandom rng, int n, double p) {
    double q = 1 - p;
    // Math.log(q), not log1p: StrictMath.log1p was 9 % of BootstrapBenchmark (stack profile), and
    // p > 1e-6 here whenever n·p matters, so the relative error of q^n stays below n·2^-52.
    double qn = Math.exp(n * Math.log(q));
    double np = n * p;
    int bound = (int) Math.min(n, np + 10.0 * Math.sqrt(np * q + 1));
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
        px = ((n - x + 1) * p * px) / (x * q);
      }
    }
    return x;
  }

  /** BTPE for p ≤ 0.5 and n·p > 30; step labels follow the paper. */
  private static int btpe(SplittableRandom rng, int n, double p) {
    double r = p;
    double q = 1 - r;
    double fm = n * r + r;
    int m = (int) Math.floor(fm);
    double p1 = Math.floor(2.195 * Math.sqrt(n * r * q) - 4.6 * q) + 0.5;
    double xm = m + 0.5;
    double xl = xm - p1;
    double xr = xm + p1;
    double c = 0.134 + 20.5 / (15.3 + m);
    double a = (fm - xl) / (fm - xl * r);
    double laml = a * (1.0 + a / 2.0);
    a = (xr - fm) / (xr * q);
    double lamr = a * (1.0 + a / 2.0);
    double p2 = p1 * (1.0 + 2.0 * c);
    double p3 = p2 + c / laml;
    double p4 = p3 + c / lamr;
    double nrq = n * r * q;
    while (true) {
      // Step 1: triangular region.
      double u = rng.nextDouble() * p4;
      double v = rng.nextDouble();
      int y;
      if (u <= p1) {
        return (int) Math.floor(xm - p1 * v + u);
      }
      if (u <= p2) {
        // Step 2: parallelograms.
        double x = xl + (u - p1) / c;
        v = v * c + 1.0 - Math.abs(m - x + 0.5) / p1;
        if (v > 1.0) {
          continue;
        }
        y = (int) Math.floor(x);
      } else if (u <= p3) {
        // Step 3: left exponential tail.
        double yl = Math.floor(xl + Math.log(v) / laml);
        if (yl < 0 || v == 0.0) {
          continue;
        }
        y = (int) yl;
        v = v * (u - p2) * laml;
      } else {
        // Step 4: right exponential tail.
        double yr = Math.floor(xr - Math.log(v) / lamr);
        if (yr > n || v == 0.0) {
          continue;
        }
        y = (int) yr;
        v = v * (u - p3) * lamr;
      }
      // Step 5: acceptance/rejection.
      int k = Math.abs(y - m);
      if (k <= 20 || k >= nrq / 2.0 - 1) {
        // Step 5.1: explicit evaluation of f(y)/f(m) by the recurrence.
        double s = r / q;
        double aa = s * (n + 1);
        double f = 1.0;
        if (m < y) {
          for (int i = m + 1; i <= y; i++) {
            f *= (aa / i - s);
          }
        } else if (m > y) {
          for (int i = y + 1; i <= m; i++) {
            f /= (aa / i - s);
          }
        }
        if (v <= f) {
          return y;
        }
        continue;
      }
      // Step 5.2: squeeze with bounds on ln f(y)/f(m).
      double rho = (k / nrq) * ((k * (k / 3.0 + 0.625) + 0.16666666666666666) / nrq + 0.5);
      double t = -(double) k * k / (2 * nrq);
      double logV = Math.log(v);
      if (logV < t - rho) {
        return y;
      }
      if (logV > t + rho) {
        continue;
      }
      // Step 5.3: final comparison with Stirling's approximation of ln f(y)/f(m).
      double x1 = y + 1;
      double f1 = m + 1;
      double z = n + 1 - m;
      double w = n - y + 1;
      double x2 = x1 * x1;
      double f2 = f1 * f1;
      double z2 = z * z;
      double w2 = w * w;
      double bound =
          xm * Math.log(f1 / x1)
              + (n - m + 0.5) * Math.log(z / w)
              + (y - m) * Math.log(w * r / (x1 * q))
              + stirling(f1, f2)
              + stirling(z, z2)
              + stirling(x1, x2)
              + stirling(w, w2);
      if (logV <= bound) {
        return y;
      }
    }
  }

  private static double stirling(double x, double x2) {
    return (13680. - (462. - (132. - (99. - 140. / x2) / x2) / x2) / x2) / x / 166320.;
  }
}
