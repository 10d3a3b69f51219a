/**
 * Ground truth: images, labels, metaclasses, factor annotations and ReaL label sets.
 *
 * <p>{@link org.imagenetx.annotations.AnnotationLoader} reads the upstream files from a folder, a
 * zip/wheel or one jsonl file into a {@link org.imagenetx.annotations.Dataset}: a dense {@link
 * org.imagenetx.annotations.ImageIndex} ordered by metaclass then class, one {@link
 * org.imagenetx.annotations.FactorSet} (a RoaringBitmap per factor) per factor selection, and the
 * ReaL sets as CSR arrays.
 *
 * <pre>{@code
 * Dataset ds = AnnotationLoader.load(Path.of("annotations"), AnnotationLoader.Options.defaults());
 * FactorSet top = ds.factors(FactorSelection.TOP);
 * int texture = top.factor(Factor.TEXTURE).getCardinality(); // evaluated images with top factor texture
 * }</pre>
 */
package org.imagenetx.annotations;
