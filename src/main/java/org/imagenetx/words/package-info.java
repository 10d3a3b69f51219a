/**
 * The annotators' words: an index of every image's {@code one_word} term and {@code justification}
 * tokens ({@link org.imagenetx.words.WordIndex}), and the tables of the words that set a model's
 * mistakes apart from its correct answers ({@link org.imagenetx.words.WordTable}): counts, lift,
 * Fisher's exact test (two-sided) and Benjamini–Hochberg adjusted p-values.
 *
 * <pre>{@code
 * ImageSet pose = sets.evaluate("pose");
 * int vit = sets.modelId("ViT");
 * WordTable t = WordTable.of(WordIndex.of(sets.dataset()), TermKind.ONE_WORD,
 *     RoaringBitmap.and(pose.images(), sets.wrong(vit, ErrorType.CLASS)),
 *     RoaringBitmap.and(pose.images(), sets.right(vit, ErrorType.CLASS)), 10);
 * WordRow top = t.overRepresented().get(0); // e.g. "top view", lift 2.7, q < 0.001
 * }</pre>
 */
package org.imagenetx.words;
