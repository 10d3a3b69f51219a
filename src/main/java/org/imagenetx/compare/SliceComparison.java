package org.imagenetx.compare;

import org.imagenetx.resampling.Interval;

/**
 * Model A against model B on one slice of images (a factor, all images, or a metaclass).
 *
 * @param slice slice name ({@link PairwiseData#sliceName})
 * @param images images in the slice
 * @param errorA A's error rate on the slice
 * @param errorB B's error rate on the slice
 * @param onlyAWrong discordant count b: images only A gets wrong
 * @param onlyBWrong discordant count c: images only B gets wrong
 * @param pExact McNemar exact p
 * @param pMid McNemar mid-p
 * @param pHolm Holm-adjusted exact p over the comparison's family
 * @param pBh Benjamini–Hochberg-adjusted exact p over the family
 * @param errorDiff error(A) − error(B), with its paired bootstrap interval (NaN bounds where the
 *     interval was not computed)
 * @param erDiff ER(A) − ER(B) with its paired bootstrap interval (factor slices; NaN elsewhere,
 *     where the error ratio is 1 by definition or not defined)
 * @param erDiffSim ER(A) − ER(B) with its simultaneous band over the 16 factors of the pair
 *     (max-|t| from the same paired bootstrap replicates, {@link
 *     org.imagenetx.resampling.CellBootstrap#simultaneousBands}); the factor part of the verdict
 *     reads this band, so it is family-wise over the 16 factors
 * @param verdict plain-language reading ({@link Comparisons#verdict})
 *     <p>The component names are the columns of {@code imagenetx compare A B} in snake case ({@code
 *     only_a_wrong}, {@code p_exact}, {@code er_diff}, …), as the JSON API writes them.
 */
public record SliceComparison(
    String slice,
    int images,
    double errorA,
    double errorB,
    int onlyAWrong,
    int onlyBWrong,
    double pExact,
    double pMid,
    double pHolm,
    double pBh,
    Interval errorDiff,
    Interval erDiff,
    Interval erDiffSim,
    String verdict) {}
