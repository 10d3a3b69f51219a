/**
 * The analyses of the ImageNet-X study, as public result records that tables ({@link
 * org.imagenetx.study.StudyTables}) and figures draw from.
 *
 * <ul>
 *   <li>From aggregated tables ({@link org.imagenetx.study.AggregatedTables} reads any upstream
 *       {@code accuracies_per_factor.csv}): model types ({@link org.imagenetx.study.ModelTypes}) or
 *       {@link org.imagenetx.study.ArchitectureFamily architecture families} compared by {@link
 *       org.imagenetx.compare.GroupComparison} (bootstrap intervals over models, Alexander–Govern
 *       per factor), {@link org.imagenetx.study.AugmentationSweep} (strength parsed from model
 *       names by {@link org.imagenetx.study.AugmentationModel}; the published cubic/Welch statistic
 *       and least-squares slopes) and {@link org.imagenetx.study.AugmentationComparison}.
 *   <li>From annotations: {@link org.imagenetx.study.Cooccurrence} (Spearman), {@link
 *       org.imagenetx.study.FactorDistribution}, {@link org.imagenetx.study.Prevalence}.
 *   <li>From a zoo: {@link org.imagenetx.study.MistakePrevalence}, {@link
 *       org.imagenetx.study.Calibration} (ECE) and {@link org.imagenetx.study.ColorCodedLatex}.
 * </ul>
 *
 * <pre>{@code
 * Study study = new Study(Path.of("results"), FactorSelection.TOP, ErrorType.CLASS,
 *     ZooBootstrap.Settings.defaults(), GroupTest.alexanderGovern());
 * AugmentationSweep crop = study.sweep(Augmentation.CROP);
 * LinearFit smaller = crop.effects().get(Factor.SMALLER.ordinal()).errorRatio(); // slope > 0
 * }</pre>
 */
package org.imagenetx.study;
