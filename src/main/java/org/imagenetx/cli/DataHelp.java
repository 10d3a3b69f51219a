package org.imagenetx.cli;

/**
 * Descriptions of the options that several option classes declare (the same option must read the
 * same everywhere; {@code CliVocabularyTest} checks it).
 */
final class DataHelp {
  private DataHelp() {}

  /** {@code --groups}. */
  static final String GROUPS =
      "Model groups: a model,group CSV with a header, e.g. the release's model_types.csv.";

  /** {@code --annotations}, as {@link DataOptions} describes it. */
  static final String ANNOTATIONS =
      "ImageNet-X annotations: a folder (like imagenet_x/annotations), the PyPI wheel or a zip"
          + " holding imagenet_x/annotations/, or one *_factor.jsonl. Default: the ImageNet-X"
          + " release embedded in imagenetx.";

  /** {@code --zoo}, as {@link DataOptions} describes it. */
  static final String ZOO =
      "Model predictions: a zoo store (imagenetx zoo build / synth), a folder of <model>.csv files,"
          + " or one .csv (repeatable). Default: the release's base models DINO, ResNet50,"
          + " SimCLR and ViT.";

  /** {@code --results}. */
  static final String RESULTS =
      "Aggregated tables of the real zoos in the upstream layout (the folder holding"
          + " val/<selection>_factor/<zoo>/<type>/). Default: the embedded release's;"
          + " with --annotations, results beside the annotations folder.";

  /** {@code --model-types}. */
  static final String MODEL_TYPES =
      "A model,type CSV such as the release's model_types.csv. Default: model_types.csv beside the"
          + " results folder (the embedded release's by default).";

  /** {@code --base-table}. */
  static final String BASE_TABLE =
      "accuracies_per_factor.csv of the base models (DINO, SimCLR, …); or pass --zoo and"
          + " --annotations.";

  /** {@code --table}, the choice among a command's tables. */
  static final String TABLE =
      "Which of the command's tables to print (listed in its description; default: the first).";

  /** {@code --model}. */
  static final String IMAGENET =
      "Your copy of the ImageNet validation JPEGs (flat or one folder per WordNet id): images adds"
          + " each image's path, serve shows thumbnails. Only ILSVRC2012_val_%%08d.JPEG names inside"
          + " the folder are used.";

  static final String MODEL = "Only these models (repeatable or comma-separated).";

  /** {@code --seed}, as {@link DataOptions} describes it. */
  static final String SEED = "Seed of the synthetic data (default: ${DEFAULT-VALUE}).";

  /** {@code --threads}, as {@link DataOptions} describes it. */
  static final String THREADS = "Worker threads (default: all cores).";
}
