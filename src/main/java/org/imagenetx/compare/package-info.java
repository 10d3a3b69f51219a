/**
 * Model-versus-model and group-versus-group tests on the same images: McNemar exact and mid-p on
 * discordant counts ({@link org.imagenetx.compare.McNemar}), Holm and Benjamini–Hochberg ({@link
 * org.imagenetx.compare.Multiplicity}), paired bootstrap differences ({@link
 * org.imagenetx.compare.Comparisons}), all pairs streamed ({@link org.imagenetx.compare.AllPairs}),
 * and groups of models compared on their mean error ratios ({@link
 * org.imagenetx.compare.GroupComparison}: bootstrap intervals over models, the Alexander–Govern and
 * Welch tests of {@link org.imagenetx.compare.GroupTests}). The one verdict rule is {@link
 * org.imagenetx.compare.Comparisons#verdict}. Counts come from popcounts of error words in cell
 * order ({@link org.imagenetx.compare.PairwiseData}).
 *
 * <pre>{@code
 * PairwiseData data = PairwiseData.load(dataset, zoo, FactorSelection.TOP, ErrorType.CLASS, 2);
 * List<SliceComparison> rows = Comparisons.compare(data, data.models().indexOf("ViT"),
 *     data.models().indexOf("ResNet50"), ZooBootstrap.Settings.defaults());
 * rows.get(Factor.TEXTURE.ordinal()).onlyAWrong(); // 17 images only ViT gets wrong (ResNet50: 54)
 * GroupTestResult ag = GroupTests.alexanderGovern(new double[][] {cnnRatios, vitRatios});
 * }</pre>
 */
package org.imagenetx.compare;
