/**
 * Model predictions: a {@link org.imagenetx.zoo.Zoo} is read one model at a time into a caller's
 * {@code short[]} in image-index order, so thousands of models never sit on the heap together. A
 * zoo is a folder of upstream CSVs ({@code CsvZoo}, parsed on read) or a binary {@link
 * org.imagenetx.zoo.ZooStore} (16-bit class ids, checksummed, memory-mapped), written by {@link
 * org.imagenetx.zoo.ZooStoreWriter}; {@link org.imagenetx.zoo.Zoos#open} takes either. Whole-zoo
 * passes read {@link org.imagenetx.zoo.Zoo#readPacked} instead: the ids packed four to a {@code
 * long}, which is a store block's own byte layout.
 *
 * <pre>{@code
 * Zoo zoo = Zoos.open(Path.of("model_predictions/base"), dataset.index());   // or "base.zoo"
 * short[] pred = new short[zoo.numImages()];
 * int missing = zoo.readClasses(zoo.models().indexOf("ViT"), pred);
 *
 * List<ZooStoreWriter.Source> sources = new ArrayList<>();
 * for (Path f : Zoos.csvFiles(Path.of("model_predictions/base"), dataset.index())) {
 *   sources.add(ZooStoreWriter.csv(f, dataset.index()));
 * }
 * ZooStoreWriter.write(Path.of("base.zoo"), dataset.index(), sources,
 *     new ZooStoreWriter.Options(true, false, 0, "example", 2, null));
 * }</pre>
 */
package org.imagenetx.zoo;
