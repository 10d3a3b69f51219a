package org.imagenetx.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.imagenetx.annotations.AnnotationLoader;
import org.imagenetx.annotations.FactorSelection;
import org.imagenetx.confusions.ConfusionTable;
import org.imagenetx.evaluation.ErrorType;
import org.imagenetx.images.ExpressionException;
import org.imagenetx.images.ImageExpression;
import org.imagenetx.images.ImageFiles;
import org.imagenetx.images.ImageListing;
import org.imagenetx.images.ImageSet;
import org.imagenetx.images.ImageSets;
import org.imagenetx.io.BadInputException;
import org.imagenetx.report.Format;
import org.imagenetx.report.ImageTables;
import org.imagenetx.report.ReportTable;
import org.imagenetx.words.TermKind;
import org.imagenetx.words.WordIndex;
import org.imagenetx.words.WordRow;
import org.imagenetx.words.WordTable;
import org.imagenetx.zoo.Zoo;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code imagenetx images}: the images behind the numbers. Counts and lists the images of an
 * image-set expression, or tabulates a model's confusions or the annotators' words on them.
 */
@Command(
    name = "images",
    mixinStandardHelpOptions = true,
    description = {
      "List the images an expression selects, with their classes, factors, the annotators' words and"
          + " the models' predictions; or a model's confusions, or the words over-represented among"
          + " its mistakes.",
      "",
      "An expression combines atoms with and, or, not and parentheses:",
      "  texture, multi:texture, top:texture  a factor (bare: the --factors selection)",
      "  class:tench, class:0, wnid:n01440764 a true class; metaclass:dog a true metaclass",
      "  real:agrees|disagrees|empty|multiple the original label and its ReaL set",
      "  wrong:ViT, right:ResNet50            a model's errors or correct answers under",
      "                                       --error-type; wrong:ViT@metaclass names the type",
      "  word:\"top view\", justification:sepia the annotators' one_word or justification",
      "                                       contains the words",
      "  all                                  every evaluated image",
      "",
      "--model names the models whose predictions the listing shows (default: the models the"
          + " expression names), the model of --confusions, and the model, or group, of --words."
    },
    footer = {
      "",
      "Examples:",
      "  imagenetx images \"texture and wrong:ViT and right:ResNet50\"",
      "  imagenetx images texture --confusions --model ViT",
      "  imagenetx images pose --words --model ViT",
      "  imagenetx images pose --words justification --model ViT --model ResNet50"
    })
final class ImagesCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Mixin DataOptions data;

  @Mixin SliceOptions view;

  @Parameters(
      arity = "1..*",
      paramLabel = "EXPR",
      description = "The image set; several arguments are joined with spaces.")
  List<String> expression = new ArrayList<>();

  @Option(names = "--model", split = ",", paramLabel = "<name>", description = DataHelp.MODEL)
  List<String> models = new ArrayList<>();

  @Option(names = "--count", description = "Print only the number of images.")
  boolean countOnly;

  @Option(
      names = "--confusions",
      description =
          "The model's most frequent (true -> predicted) pairs among its errors in the set, their"
              + " share and lift against its errors on all evaluated images.")
  boolean confusions;

  @Option(
      names = "--metaclass",
      description = "With --confusions: pairs of true and predicted metaclasses.")
  boolean metaclass;

  @Option(
      names = "--words",
      arity = "0..1",
      fallbackValue = "one_word",
      paramLabel = "one_word|justification",
      description =
          "The annotators' words over-represented among the model's mistakes in the set, against"
              + " its correct answers (default text: ${FALLBACK-VALUE}). With several --model:"
              + " images all of them get wrong, against images all of them get right.")
  String words;

  @Option(
      names = "--min-support",
      defaultValue = "10",
      description =
          "With --words: test a term seen on at least this many of the images compared (default:"
              + " ${DEFAULT-VALUE}).")
  int minSupport;

  @Option(
      names = "--limit",
      defaultValue = "20",
      description = "Rows to print (default: ${DEFAULT-VALUE}).")
  int limit;

  @Option(
      names = "--offset",
      defaultValue = "0",
      description = "Listing: rows of the set to skip (default: ${DEFAULT-VALUE}).")
  int offset;

  @Option(names = "--imagenet", paramLabel = "<dir>", description = DataHelp.IMAGENET)
  Path imagenet;

  @Mixin OutputOptions output;

  /** The output format of this run ({@link OutputOptions#format}). */
  private Format format;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    int modes = (countOnly ? 1 : 0) + (confusions ? 1 : 0) + (words != null ? 1 : 0);
    if (modes > 1) {
      throw new ParameterException(
          spec.commandLine(), "give at most one of --count, --confusions and --words");
    }
    if (limit < 0 || offset < 0) {
      throw new ParameterException(spec.commandLine(), "--limit and --offset must be >= 0");
    }
    if (metaclass && !confusions) {
      throw new ParameterException(spec.commandLine(), "--metaclass goes with --confusions");
    }
    format = output.format(output.toFile());
    if (format == Format.LATEX) {
      throw new ParameterException(
          spec.commandLine(), "images prints table, csv, markdown or json");
    }
    TermKind kind = words == null ? null : TermKind.parse(words);
    ImageFiles files = imagenet == null ? null : ImageFiles.of(imagenet);
    DataOptions.Loaded loaded =
        data.load(
            EnumSet.allOf(FactorSelection.class),
            view.type(spec) == ErrorType.REAL_CLASS
                ? AnnotationLoader.RealLabels.REQUIRED
                : AnnotationLoader.RealLabels.IF_PRESENT);
    String banner = DataOptions.syntheticBanner(loaded);
    if (banner != null) {
      err.println(banner);
    }
    if (loaded.zoos().size() != 1) {
      throw new BadInputException(
          "--zoo", 0, "images takes exactly one zoo, got " + loaded.zoos().size());
    }
    Zoo zoo = loaded.zoos().get(0);
    ImageSets sets = ImageSets.of(loaded.dataset(), zoo, view.selection(spec), view.type(spec));
    String text = String.join(" ", expression);
    ImageSet set;
    try {
      set = sets.evaluate(text);
    } catch (ExpressionException e) {
      throw new BadInputException("expression", 0, e.getMessage());
    }
    List<String> named = new ArrayList<>();
    for (String m : models) {
      try {
        named.add(sets.requireModel(m));
      } catch (IllegalArgumentException e) {
        throw new BadInputException("--model", 0, e.getMessage());
      }
    }
    if (countOnly) {
      out.println(set.count());
      return 0;
    }
    ReportTable table;
    String summary;
    if (confusions) {
      if (named.size() != 1) {
        throw new ParameterException(spec.commandLine(), "--confusions needs exactly one --model");
      }
      ConfusionTable t = ConfusionTable.of(sets, set, named.get(0), view.type(spec), metaclass);
      table = ImageTables.confusions(t, limit);
      summary =
          String.format(
              Locale.ROOT,
              "%s: %d %s errors in the %d images of %s (%d on all %d evaluated images); top %d"
                  + " of %d %s pairs by count",
              t.model(),
              t.numErrors(),
              t.errorType().key(),
              set.count(),
              set.expression(),
              t.numErrorsOverall(),
              set.universeSize(),
              Math.min(limit, t.rows().size()),
              t.rows().size(),
              metaclass ? "metaclass" : "class");
    } else if (kind != null) {
      if (named.isEmpty()) {
        throw new ParameterException(
            spec.commandLine(), "--words needs a --model (or several, for a group)");
      }
      WordTable t = wordTable(sets, set, named, kind);
      List<WordRow> over = t.overRepresented();
      table = ImageTables.words(over, limit, text(), output.decimals);
      summary =
          String.format(
              Locale.ROOT,
              "%s over-represented among the mistakes of %s (%d images) against %s correct answers"
                  + " (%d images) in %s; %d terms seen on >= %d of them tested, %d over-represented,"
                  + " top %d; p: Fisher's exact test, two-sided; q: Benjamini-Hochberg over the"
                  + " tested terms",
              kind == TermKind.ONE_WORD ? "one_word terms" : "justification tokens",
              named.size() == 1 ? named.get(0) : "all of " + String.join(", ", named),
              t.numMistakes(),
              named.size() == 1 ? "its" : "their",
              t.numCorrect(),
              set.expression(),
              t.numTested(),
              minSupport,
              over.size(),
              Math.min(limit, over.size()));
    } else {
      List<String> listed = named.isEmpty() ? modelsOf(set.expression()) : named;
      ImageListing page = sets.list(set, listed, offset, limit);
      table =
          ImageTables.listing(
              page,
              zoo.hasProbabilities(),
              files == null
                  ? null
                  : r -> files.resolve(r.fileName(), r.wnid()).map(Path::toString).orElse(""),
              text());
      int last = offset + page.rows().size();
      summary =
          set.describe()
              + (page.rows().isEmpty()
                  ? "; no rows from " + (offset + 1)
                  : "; rows " + (offset + 1) + "-" + last)
              + (last < set.count() ? " (--offset " + last + " for more)" : "");
    }
    if (loaded.synthetic()) {
      table.note("(synthetic data: generated models and annotations, not ImageNet-X)");
    }
    if (output.toFile() || format == Format.CSV || format == Format.JSON) {
      err.println(summary); // the data stays pure
    } else {
      out.println(summary);
      if (format == Format.MARKDOWN) {
        out.println();
      }
    }
    output.write(spec, table);
    return 0;
  }

  private boolean text() {
    return format == Format.TABLE || format == Format.MARKDOWN;
  }

  /** Models named in {@code wrong:}/{@code right:} atoms, in order of appearance. */
  static List<String> modelsOf(ImageExpression e) {
    return ImageExpression.models(e);
  }

  /** Mistakes: images every named model gets wrong; correct: images every one gets right. */
  private WordTable wordTable(ImageSets sets, ImageSet set, List<String> named, TermKind kind) {
    if (minSupport < 1) {
      throw new ParameterException(
          spec.commandLine(), "--min-support must be at least 1, got " + minSupport);
    }
    return WordTable.of(
        WordIndex.of(sets.dataset()),
        kind,
        sets.allWrong(set, named, view.type(spec)),
        sets.allRight(set, named, view.type(spec)),
        minSupport);
  }
}
