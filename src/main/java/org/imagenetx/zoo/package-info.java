/**
 * Model predictions: a {@link org.imagenetx.zoo.Zoo} is read one model at a time into a caller's
 * {@code short[]} in image-index order, so thousands of models never sit on the heap together.
 *
 * <pre>{@code
 * Zoo zoo = Zoos.open(Path.of("model_predictions/base"), dataset.index());
 * short[] pred = new short[zoo.numImages()];
 * int missing = zoo.readClasses(zoo.models().indexOf("ViT"), pred);
 * }</pre>
 */
package org.imagenetx.zoo;
