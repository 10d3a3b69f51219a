/**
 * A model's confusions in an image set: the most frequent (true → predicted) class or metaclass
 * pairs among its errors, with their share and their lift against its errors on every evaluated
 * image ({@link org.imagenetx.confusions.ConfusionTable}).
 *
 * <pre>{@code
 * ImageSet texture = sets.evaluate("texture");
 * ConfusionTable t = ConfusionTable.of(sets, texture, "ViT", ErrorType.CLASS, false);
 * ConfusionRow first = t.rows().get(0); // count, share of the set's errors, lift vs overall
 * }</pre>
 */
package org.imagenetx.confusions;
