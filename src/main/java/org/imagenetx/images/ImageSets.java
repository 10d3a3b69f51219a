package org.imagenetx.images;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.imagenetx.annotations.ClassNames;
import org.imagenetx.annotations.Dataset;
import org.imagenetx.annotations.Factor;
import org.imagenetx.annotations.FactorSelection;
import org.imagenetx.annotations.FactorSet;
import org.imagenetx.annotations.ImageIndex;
import org.imagenetx.annotations.ImageTexts;
import org.imagenetx.annotations.Metaclasses;
import org.imagenetx.bits.Lanes;
import org.imagenetx.bits.Words;
import org.imagenetx.evaluation.CorrectWords;
import org.imagenetx.evaluation.ErrorType;
import org.imagenetx.words.WordIndex;
import org.imagenetx.zoo.Zoo;
import org.roaringbitmap.BitSetUtil;
import org.roaringbitmap.PeekableIntIterator;
import org.roaringbitmap.RoaringBitmap;

/**
 * Image sets over one dataset and one zoo: parses expressions ({@link ImageExpression}), evaluates
 * them with RoaringBitmap algebra over the dense image index, and lists the images of a set.
 *
 * <p>The universe is the evaluated images of the session's factor selection (annotated, prototypes
 * removed unless the dataset keeps them); {@code not x} is the universe without {@code x}, and
 * every atom is cut to the universe. Atoms become sets as follows: a factor is the selection's
 * RoaringBitmap; a class or metaclass is a contiguous range of the index ({@link ImageIndex} orders
 * images by metaclass then class), {@link RoaringBitmap#bitmapOfRange}; {@code wrong:M} and {@code
 * right:M} come from the model's correctness words ({@link CorrectWords}, the kernels of the
 * tables); the ReaL relations from the dataset's ReaL sets; text atoms from the {@link WordIndex}.
 *
 * <p>Error types: an atom's own {@code @type} ({@code wrong:ViT@metaclass}) wins, else the
 * session's type. An image without a prediction of the model is neither wrong nor right (the
 * upstream inner join), so {@code not wrong:M} holds it.
 *
 * <p>Thread-safe: evaluation allocates its own scratch; the last {@value #RECENT} correctness sets
 * are kept, since an expression and the listing of its set read the same models.
 */
public final class ImageSets {
  /** Correctness sets (model, error type) kept for reuse. */
  static final int RECENT = 16;

  private final Dataset dataset;
  private final Zoo zoo;
  private final FactorSelection selection;
  private final ErrorType errorType;
  private final RoaringBitmap universe;
  private final long[] evaluatedWords;
  private final int numImages;
  private final ExpressionParser.Vocabulary vocabulary;
  private final Map<Integer, RoaringBitmap[]> recent =
      new LinkedHashMap<>(RECENT * 2, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<Integer, RoaringBitmap[]> eldest) {
          return size() > RECENT;
        }
      };
  private volatile RoaringBitmap[] real;

  private ImageSets(Dataset dataset, Zoo zoo, FactorSelection selection, ErrorType errorType) {
    this.dataset = dataset;
    this.zoo = zoo;
    this.selection = selection;
    this.errorType = errorType;
    FactorSet set = dataset.factors(selection);
    this.universe = set.evaluated();
    this.evaluatedWords = set.words()[CorrectWords.EVALUATED_ROW];
    this.numImages = dataset.index().size();
    this.vocabulary =
        new ExpressionParser.Vocabulary(
            dataset.classNames(),
            zoo.models(),
            dataset.hasReal(),
            dataset.selections(),
            () -> WordIndex.of(dataset));
  }

  /**
   * @param dataset annotations (with ReaL labels for {@code real:} atoms and {@code real_class})
   * @param zoo predictions over {@code dataset.index()}
   * @param selection factor selection of bare factors and of the universe (the tool's default is
   *     {@code top})
   * @param errorType error type of {@code wrong:}/{@code right:} atoms without {@code @type}
   * @return the session
   * @throws IllegalArgumentException when the selection is not loaded, the zoo covers another
   *     index, or {@code real_class} is asked for without ReaL labels
   */
  public static ImageSets of(
      Dataset dataset, Zoo zoo, FactorSelection selection, ErrorType errorType) {
    if (zoo.numImages() != dataset.index().size()) {
      throw new IllegalArgumentException(
          "the zoo covers " + zoo.numImages() + " images, the index " + dataset.index().size());
    }
    if (errorType == ErrorType.REAL_CLASS && !dataset.hasReal()) {
      throw new IllegalArgumentException("real_class needs the ReaL labels, which are not loaded");
    }
    return new ImageSets(dataset, zoo, selection, errorType);
  }

  /**
   * @return the annotations
   */
  public Dataset dataset() {
    return dataset;
  }

  /**
   * @return the predictions
   */
  public Zoo zoo() {
    return zoo;
  }

  /**
   * @return the session's factor selection
   */
  public FactorSelection selection() {
    return selection;
  }

  /**
   * @return the session's error type
   */
  public ErrorType errorType() {
    return errorType;
  }

  /**
   * @return the universe: evaluated images of the selection (shared; do not modify)
   */
  public RoaringBitmap universe() {
    return universe;
  }

  /**
   * @param text an expression, e.g. {@code texture and not pose and wrong:ViT and right:ResNet50}
   * @return the parsed expression, every name resolved
   * @throws ExpressionException at the first problem, with its column
   */
  public ImageExpression parse(String text) {
    return ExpressionParser.parse(text, vocabulary);
  }

  /**
   * @param text an expression
   * @return its images
   * @throws ExpressionException when the expression is malformed or names something unknown
   */
  public ImageSet evaluate(String text) {
    return evaluate(parse(text));
  }

  /**
   * @param expression a parsed expression (of this session's {@link #parse})
   * @return its images
   */
  public ImageSet evaluate(ImageExpression expression) {
    return new ImageSet(
        expression, images(expression), universe.getCardinality(), selection, errorType);
  }

  /**
   * @param text an expression
   * @return the number of images it selects
   */
  public int count(String text) {
    return images(parse(text)).getCardinality();
  }

  /** A new set for an expression, inside the universe. */
  private RoaringBitmap images(ImageExpression e) {
    if (e instanceof ImageExpression.And) {
      ImageExpression.And a = (ImageExpression.And) e;
      RoaringBitmap left = images(a.left());
      if (left.isEmpty()) {
        return left;
      }
      left.and(images(a.right()));
      return left;
    }
    if (e instanceof ImageExpression.Or) {
      ImageExpression.Or o = (ImageExpression.Or) e;
      RoaringBitmap left = images(o.left());
      left.or(images(o.right()));
      return left;
    }
    if (e instanceof ImageExpression.Not) {
      return RoaringBitmap.andNot(universe, images(((ImageExpression.Not) e).operand()));
    }
    if (e instanceof ImageExpression.All) {
      return universe.clone();
    }
    if (e instanceof ImageExpression.HasFactor) {
      ImageExpression.HasFactor f = (ImageExpression.HasFactor) e;
      FactorSelection s = f.selection() == null ? selection : f.selection();
      return RoaringBitmap.and(dataset.factors(s).factor(f.factor()), universe);
    }
    ImageIndex index = dataset.index();
    if (e instanceof ImageExpression.OfClass) {
      int c = ((ImageExpression.OfClass) e).classId();
      return range(index.classFrom(c), index.classTo(c));
    }
    if (e instanceof ImageExpression.OfMetaclass) {
      int m = ((ImageExpression.OfMetaclass) e).metaclass();
      return range(index.metaclassFrom(m), index.metaclassTo(m));
    }
    if (e instanceof ImageExpression.Real) {
      return RoaringBitmap.and(
          realSets()[((ImageExpression.Real) e).agreement().ordinal()], universe);
    }
    if (e instanceof ImageExpression.Model) {
      ImageExpression.Model m = (ImageExpression.Model) e;
      ErrorType type = m.type() == null ? errorType : m.type();
      int id = modelId(m.model());
      return (m.wrong() ? wrong(id, type) : right(id, type)).clone();
    }
    ImageExpression.Text t = (ImageExpression.Text) e;
    RoaringBitmap found = WordIndex.of(dataset).containing(t.kind(), t.phrase());
    found.and(universe);
    return found;
  }

  private RoaringBitmap range(int from, int to) {
    RoaringBitmap r = RoaringBitmap.bitmapOfRange(from, to);
    r.and(universe);
    return r;
  }

  /**
   * @param name a model name (exact, or a unique case-insensitive match)
   * @return its number in the zoo, or -1
   */
  public int modelId(String name) {
    List<String> models = zoo.models();
    int i = Collections.binarySearch(models, name);
    if (i >= 0) {
      return i;
    }
    int found = -1;
    for (int m = 0; m < models.size(); m++) {
      if (models.get(m).equalsIgnoreCase(name)) {
        if (found >= 0) {
          return -1;
        }
        found = m;
      }
    }
    return found;
  }

  /**
   * @param name a model name
   * @return the zoo's spelling of it
   * @throws IllegalArgumentException naming the closest models when there is no such model
   */
  public String requireModel(String name) {
    int id = modelId(name);
    if (id < 0) {
      throw new IllegalArgumentException(
          "unknown model '" + name + "'" + Suggest.didYouMean(name, zoo.models()));
    }
    return zoo.models().get(id);
  }

  /**
   * @param model model number
   * @param type error type
   * @return the universe's images the model predicted and got wrong (shared; do not modify)
   */
  public RoaringBitmap wrong(int model, ErrorType type) {
    return correctness(model, type)[0];
  }

  /**
   * @param model model number
   * @param type error type
   * @return the universe's images the model got right (shared; do not modify)
   */
  public RoaringBitmap right(int model, ErrorType type) {
    return correctness(model, type)[1];
  }

  /**
   * The mistakes of a model, or of a group: the set's images every one of the models gets wrong.
   *
   * @param set an image set of this session
   * @param models model names (at least one)
   * @param type error type
   * @return a new set
   */
  public RoaringBitmap allWrong(ImageSet set, List<String> models, ErrorType type) {
    RoaringBitmap out = set.images().clone();
    for (String m : models) {
      out.and(wrong(modelId(requireModel(m)), type));
    }
    return out;
  }

  /**
   * The correct answers of a model, or of a group: the set's images every one of them gets right.
   *
   * @param set an image set of this session
   * @param models model names (at least one)
   * @param type error type
   * @return a new set, disjoint from {@link #allWrong}
   */
  public RoaringBitmap allRight(ImageSet set, List<String> models, ErrorType type) {
    RoaringBitmap out = set.images().clone();
    for (String m : models) {
      out.and(right(modelId(requireModel(m)), type));
    }
    return out;
  }

  /** {wrong, right} of a model, from its packed predictions by the tables' kernels. */
  private RoaringBitmap[] correctness(int model, ErrorType type) {
    if (type == ErrorType.REAL_CLASS && !dataset.hasReal()) {
      throw new IllegalArgumentException("real_class needs the ReaL labels, which are not loaded");
    }
    int key = model * ErrorType.values().length + type.ordinal();
    synchronized (recent) {
      RoaringBitmap[] cached = recent.get(key);
      if (cached != null) {
        return cached;
      }
    }
    long[] packed = new long[Lanes.numLongs(numImages)];
    zoo.readPacked(model, packed);
    int numWords = Words.numWords(numImages);
    long[] correct = new long[numWords];
    long[] covered = new long[numWords];
    CorrectWords words = new CorrectWords(dataset, evaluatedWords);
    words.compute(packed, type, correct);
    words.covered(packed, covered);
    for (int w = 0; w < numWords; w++) {
      covered[w] &= ~correct[w];
    }
    RoaringBitmap[] out = {BitSetUtil.bitmapOf(covered), BitSetUtil.bitmapOf(correct)};
    out[0].runOptimize();
    out[1].runOptimize();
    synchronized (recent) {
      recent.put(key, out);
    }
    return out;
  }

  /** The four ReaL relations as sets over the whole index, built on first use. */
  private RoaringBitmap[] realSets() {
    RoaringBitmap[] r = real;
    if (r == null) {
      int[] offsets = dataset.realOffsets();
      short[] values = dataset.realLabels();
      short[] labels = dataset.index().labels();
      r = new RoaringBitmap[RealAgreement.values().length];
      for (int k = 0; k < r.length; k++) {
        r[k] = new RoaringBitmap();
      }
      for (int d = 0; d < numImages; d++) {
        int size = offsets[d + 1] - offsets[d];
        boolean agrees = false;
        for (int e = offsets[d]; e < offsets[d + 1]; e++) {
          agrees |= values[e] == labels[d];
        }
        if (agrees) {
          r[RealAgreement.AGREES.ordinal()].add(d);
        } else if (size > 0) {
          r[RealAgreement.DISAGREES.ordinal()].add(d);
        } else {
          r[RealAgreement.EMPTY.ordinal()].add(d);
        }
        if (size > 1) {
          r[RealAgreement.MULTIPLE.ordinal()].add(d);
        }
      }
      for (RoaringBitmap b : r) {
        b.runOptimize();
      }
      real = r;
    }
    return r;
  }

  /**
   * One page of a set: file name, true class, factors, the annotators' texts, and the predictions
   * of the named models (probability when the zoo has them; correct under the set's error type).
   *
   * @param set a set of this session
   * @param models model names (each as {@link #requireModel} accepts it)
   * @param offset 0-based position in the set of the first row
   * @param limit rows at most
   * @return the page (empty when {@code offset} is past the set)
   */
  public ImageListing list(ImageSet set, List<String> models, int offset, int limit) {
    if (offset < 0 || limit < 0) {
      throw new IllegalArgumentException(
          "offset and limit must be >= 0, got " + offset + " and " + limit);
    }
    int numModels = models.size();
    int[] ids = new int[numModels];
    List<String> names = new ArrayList<>(numModels);
    for (int m = 0; m < numModels; m++) {
      names.add(requireModel(models.get(m)));
      ids[m] = modelId(names.get(m));
    }
    RoaringBitmap images = set.images();
    int total = images.getCardinality();
    int rows = (int) Math.max(0, Math.min((long) limit, (long) total - offset));
    int[] positions = new int[rows];
    if (rows > 0) {
      PeekableIntIterator it = images.getIntIterator();
      it.advanceIfNeeded(images.select(offset));
      for (int r = 0; r < rows; r++) {
        positions[r] = it.next();
      }
    }
    short[][] predicted = new short[numModels][];
    float[][] probability = new float[numModels][];
    RoaringBitmap[] right = new RoaringBitmap[numModels];
    for (int m = 0; m < numModels && rows > 0; m++) {
      predicted[m] = new short[numImages];
      zoo.readClasses(ids[m], predicted[m]);
      if (zoo.hasProbabilities()) {
        probability[m] = new float[numImages];
        zoo.readProbabilities(ids[m], probability[m]);
      }
      right[m] = right(ids[m], set.errorType());
    }
    ImageIndex index = dataset.index();
    ClassNames classNames = dataset.classNames();
    ImageTexts texts = dataset.texts();
    FactorSet top = loaded(FactorSelection.TOP);
    FactorSet multi = loaded(FactorSelection.MULTI);
    List<ImageRow> out = new ArrayList<>(rows);
    for (int d : positions) {
      int c = index.label(d);
      List<Prediction> predictions = new ArrayList<>(numModels);
      for (int m = 0; m < numModels; m++) {
        int p = predicted[m][d];
        predictions.add(
            new Prediction(
                names.get(m),
                p,
                p >= 0 ? classNames.label(p) : "",
                probability[m] == null ? Double.NaN : probability[m][d],
                right[m].contains(d)));
      }
      out.add(
          new ImageRow(
              d,
              index.fileName(d),
              c,
              classNames.wnid(c),
              classNames.label(c),
              Metaclasses.NAMES.get(index.metaclassOfImage()[d]),
              factors(top, d),
              factors(multi, d),
              texts.oneWord(d),
              texts.justification(d),
              predictions));
    }
    return new ImageListing(set, offset, names, out);
  }

  private FactorSet loaded(FactorSelection s) {
    return dataset.selections().contains(s) ? dataset.factors(s) : null;
  }

  private static List<Factor> factors(FactorSet set, int d) {
    if (set == null) {
      return List.of();
    }
    int mask = set.factorMask(d);
    List<Factor> out = new ArrayList<>(Integer.bitCount(mask));
    for (; mask != 0; mask &= mask - 1) {
      out.add(Factor.of(Integer.numberOfTrailingZeros(mask)));
    }
    return out;
  }
}
