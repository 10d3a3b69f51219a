/**
 * Every figure of the ImageNet-X study, drawn from plain records: a {@link
 * org.imagenetx.figures.Figure} is one {@link org.imagenetx.figures.Panel} (bars with intervals and
 * faded non-significant values, scatters with fitted and identity lines, masked heatmaps) or a grid
 * of them, a caption and the table of the numbers drawn. {@link org.imagenetx.figures.FigureWriter}
 * writes it as SVG (text kept as text), PNG (≥ 1600 px wide) and CSV, atomically; one Okabe–Ito
 * {@link org.imagenetx.figures.Palette} everywhere. {@link org.imagenetx.figures.Catalog} names
 * every figure of the study and the inputs it needs; {@link org.imagenetx.figures.Reproduction}
 * regenerates all tables and figures with a static results page.
 *
 * <pre>{@code
 * BarSpec bars = new BarSpec("", "Factor", "Error ratio", List.of("pose", "texture"),
 *     List.of(BarSeries.of("ViT", new double[] {0.74, 2.04})), 1.0);
 * FigureWriter.write(Figure.single("vit", "ViT error ratios.", bars, 800, 450, table), dir);
 *
 * StudyData data = StudyData.load(annotations, baseZoo, results, modelTypes, 2, null);
 * Reproduction.run(data, Path.of("results"), "the real data", 2, null);
 * }</pre>
 */
package org.imagenetx.figures;
