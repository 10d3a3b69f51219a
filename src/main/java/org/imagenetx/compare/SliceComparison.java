package org.imagenetx.compare;

import org.imagenetx.stats.Interval;

/**
 * Model A against model B on one slice of images (a factor, all images, or a metaclass).
 *
 * @param slice slice name ({@link PairwiseData#sliceName})
 * @param images images in the slice
 * @param errorA A's error rate on the slice
 * @param errorB B's error rate on the slice
 * @param onlyA discordant count b: images only A gets wrong
 * @param onlyB discordant count c: images only B gets wrong
 * @param pValue McNemar exact p
 * @param midP McNemar mid-p
 * @param holm Holm-adjusted exact p over the comparison's family
 * @param bh Benjamini–Hochberg-adjusted exact p over the family
 * @param errorDifference error(A) − error(B), with its paired bootstrap interval
 * @param errorRatioDifference ER(A) − ER(B) with its paired bootstrap interval (factor slices; NaN
 *     elsewhere, where the error ratio is 1 by definition or not defined)
 * @param verdict plain-language reading
 */
public record SliceComparison(
    String slice,
    int images,
    double errorA,
    double errorB,
    int onlyA,
    int onlyB,
    double pValue,
    double midP,
    double holm,
    double bh,
    Interval errorDifference,
    Interval errorRatioDifference,
    String verdict) {}
