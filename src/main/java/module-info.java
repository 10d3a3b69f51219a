/**
 * imagenetx as a library: ImageNet-X factor annotations against image-classifier predictions.
 *
 * <p>Exported, the API: {@code annotations} (the ground truth, {@code AnnotationLoader}, {@code
 * Dataset}), {@code zoo} (predictions: {@code Zoos}, stores, model groups), {@code evaluation}
 * (counts and the upstream tables), {@code resampling} (every interval, with its level and method),
 * {@code compare} (paired tests, group comparisons), {@code study} (the paper's analyses), {@code
 * query} (the interactive engine and its sealed {@code QueryResult}s), {@code report} (every table
 * in every format), {@code io} (the {@code BadInputException} the API throws for bad input), and
 * the drill-down: {@code images} (image-set expressions and listings), {@code confusions} and
 * {@code words} (the annotators' texts against a model's mistakes).
 *
 * <p>Internal: the word kernels ({@code bits}), the worker pool ({@code parallel}), the synthetic
 * data generator ({@code synth}), the figures and the command line, explorer and shell ({@code
 * figures}, {@code cli}, {@code serve}), the resident server ({@code daemon}) and the launcher
 * ({@code launch}); the fat jar {@code target/imagenetx-engine.jar} runs them, and {@code
 * target/imagenetx.jar} is the launcher around it.
 */
module org.imagenetx {
  exports org.imagenetx.annotations;
  exports org.imagenetx.zoo;
  exports org.imagenetx.evaluation;
  exports org.imagenetx.resampling;
  exports org.imagenetx.compare;
  exports org.imagenetx.study;
  exports org.imagenetx.query;
  exports org.imagenetx.report;
  exports org.imagenetx.io;
  exports org.imagenetx.images;
  exports org.imagenetx.confusions;
  exports org.imagenetx.words;

  // RoaringBitmap types appear in the annotations API (FactorSet).
  requires transitive roaringbitmap;
  requires it.unimi.dsi.fastutil.core;
  requires org.eclipse.collections.api;
  requires org.eclipse.collections.impl;
  requires com.fasterxml.jackson.core;
  requires hipparchus.core;
  requires hipparchus.stat;
  requires info.picocli;
  requires java.desktop;
  requires jdk.httpserver;
  requires jdk.management;
  requires jdk.net;
  requires me.tongfei.progressbar;
  requires org.jfree.jfreechart;
  requires org.jfree.svg;
  requires org.jline.reader;
  requires org.jline.terminal;

  // picocli sets the commands' annotated fields reflectively
  opens org.imagenetx.cli to
      info.picocli;
}
