/**
 * Evaluation: a model's predictions become counts, and every accuracy and error ratio of the
 * upstream tables is a ratio of two counts. One {@link org.imagenetx.evaluation.Evaluator} pass per
 * model builds its correctness words ({@link org.imagenetx.evaluation.TypeWords}) and applies the
 * dataset's count plans ({@link org.imagenetx.evaluation.CountPlan}) to give {@link
 * org.imagenetx.evaluation.FactorCounts}; {@link org.imagenetx.evaluation.Aggregation} runs it over
 * a zoo and assembles the upstream tables ({@link org.imagenetx.evaluation.FactorTable}, {@link
 * org.imagenetx.evaluation.MetaclassTable}) for each factor selection and {@link
 * org.imagenetx.evaluation.ErrorType}.
 *
 * <pre>{@code
 * Aggregation agg = Aggregation.run(dataset, zoo, List.of(FactorSelection.TOP),
 *     List.of(ErrorType.CLASS), 2, null);
 * FactorTable t = agg.get(FactorSelection.TOP, ErrorType.CLASS).factors();
 * double er = t.errorRatio(t.rowOf("ViT"), Factor.TEXTURE); // 2.044646...
 * }</pre>
 */
package org.imagenetx.evaluation;
