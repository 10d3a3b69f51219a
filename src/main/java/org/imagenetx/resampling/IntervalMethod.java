package org.imagenetx.resampling;

/**
 * How a bootstrap confidence interval is read off the B replicates θ*₁..θ*_B of a statistic θ̂ at
 * confidence level {@code 1 − 2α}. Quantiles are the linear-interpolation quantiles of the sorted
 * defined replicates (Hyndman–Fan type 7, NumPy's default).
 */
public enum IntervalMethod {
  /** Efron's percentile interval: the α and 1 − α quantiles of the replicates. */
  PERCENTILE("percentile"),
  /**
   * Efron's (1987) bias-corrected and accelerated interval: quantiles at {@code α₁ = Φ(z₀ + (z₀ +
   * z_α)/(1 − a(z₀ + z_α)))} and likewise α₂ with {@code z_{1−α}}, where the bias correction {@code
   * z₀ = Φ⁻¹((#{θ* < θ̂} + ½#{θ* = θ̂})/B)} (proportion clamped to [1/(2B), 1 − 1/(2B)]) and the
   * acceleration {@code a = Σ(θ̄ − θ₍ᵢ₎)³ / (6 (Σ(θ̄ − θ₍ᵢ₎)²)^{3/2})} come from the jackknife over
   * images (computed from the cell counts: every image of a cell has the same leave-one-out value).
   */
  BCA("bca");

  private final String key;

  IntervalMethod(String key) {
    this.key = key;
  }

  /**
   * @return the command-line name
   */
  public String key() {
    return key;
  }

  /**
   * @param key {@code percentile} or {@code bca}
   * @return the method
   * @throws IllegalArgumentException for another name
   */
  public static IntervalMethod of(String key) {
    for (IntervalMethod m : values()) {
      if (m.key.equalsIgnoreCase(key)) {
        return m;
      }
    }
    throw new IllegalArgumentException("unknown interval method '" + key + "' (percentile or bca)");
  }
}
