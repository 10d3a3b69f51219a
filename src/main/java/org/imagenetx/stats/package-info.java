/**
 * Metrics from counts: a model's predictions become {@link org.imagenetx.stats.FactorCounts} (one
 * {@link org.imagenetx.stats.Evaluator} pass), and every accuracy and error ratio of the upstream
 * tables is a ratio of two counts.
 *
 * <pre>{@code
 * Aggregation agg = Aggregation.run(dataset, zoo, List.of(FactorSelection.TOP),
 *     List.of(ErrorType.CLASS), 2, null);
 * FactorTable t = agg.get(FactorSelection.TOP, ErrorType.CLASS).factors();
 * double er = t.errorRatio(t.rowOf("ViT"), Factor.TEXTURE); // 2.044646...
 * }</pre>
 */
package org.imagenetx.stats;
