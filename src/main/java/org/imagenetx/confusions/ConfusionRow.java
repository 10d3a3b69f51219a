package org.imagenetx.confusions;

/**
 * One (true → predicted) pair of a {@link ConfusionTable}.
 *
 * @param trueId true class id (or metaclass id when folded)
 * @param trueWnid the true class's WordNet id (empty when folded or unknown)
 * @param trueName the true class's label, or the metaclass name when folded
 * @param predictedId predicted class id (or metaclass id when folded)
 * @param predictedWnid the predicted class's WordNet id (empty when folded or unknown)
 * @param predictedName the predicted class's label, or the metaclass name when folded
 * @param count the model's errors in the set with this pair
 * @param share {@code count} over the model's errors in the set
 * @param overallCount the model's errors on every evaluated image with this pair
 * @param overallShare {@code overallCount} over the model's errors on every evaluated image
 * @param lift {@code share / overallShare}: how many times more often the pair makes up the model's
 *     errors in the set than overall
 */
public record ConfusionRow(
    int trueId,
    String trueWnid,
    String trueName,
    int predictedId,
    String predictedWnid,
    String predictedName,
    int count,
    double share,
    int overallCount,
    double overallShare,
    double lift) {}
