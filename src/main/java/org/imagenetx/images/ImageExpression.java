package org.imagenetx.images;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.imagenetx.annotations.Factor;
import org.imagenetx.annotations.FactorSelection;
import org.imagenetx.annotations.Metaclasses;
import org.imagenetx.evaluation.ErrorType;
import org.imagenetx.words.TermKind;

/**
 * A parsed image-set expression ({@link ImageSets#parse}): atoms combined with {@code and}, {@code
 * or}, {@code not} and parentheses. Every node keeps the 1-based column where it starts in the
 * text, and {@code toString()} gives the canonical text (names resolved to their canonical
 * spelling, class labels to ids, parentheses only where needed), which parses back to an expression
 * with the same text and the same images.
 */
public sealed interface ImageExpression {
  /**
   * @return 1-based column of the node's first character in the parsed text
   */
  int column();

  /**
   * Every image of the universe (the evaluated images of the session's selection).
   *
   * @param column where it starts
   */
  record All(int column) implements ImageExpression {
    @Override
    public String toString() {
      return "all";
    }
  }

  /**
   * Both operands.
   *
   * @param left left operand
   * @param right right operand
   * @param column where the left operand starts
   */
  record And(ImageExpression left, ImageExpression right, int column) implements ImageExpression {
    @Override
    public String toString() {
      return wrapped(left, false) + " and " + wrapped(right, false);
    }
  }

  /**
   * Either operand.
   *
   * @param left left operand
   * @param right right operand
   * @param column where the left operand starts
   */
  record Or(ImageExpression left, ImageExpression right, int column) implements ImageExpression {
    @Override
    public String toString() {
      return left + " or " + right;
    }
  }

  /**
   * The universe without the operand.
   *
   * @param operand the images to leave out
   * @param column where {@code not} stands
   */
  record Not(ImageExpression operand, int column) implements ImageExpression {
    @Override
    public String toString() {
      return "not " + wrapped(operand, true);
    }
  }

  /**
   * Images annotated with a factor.
   *
   * @param factor the factor
   * @param selection {@code multi} or {@code top}; null for the session's selection
   * @param column where it starts
   */
  record HasFactor(Factor factor, FactorSelection selection, int column)
      implements ImageExpression {
    @Override
    public String toString() {
      return selection == null ? factor.column() : selection.key() + ":" + factor.column();
    }
  }

  /**
   * Images of one true class.
   *
   * @param classId 0..999
   * @param column where it starts
   */
  record OfClass(int classId, int column) implements ImageExpression {
    @Override
    public String toString() {
      return "class:" + classId;
    }
  }

  /**
   * Images whose true class is in one metaclass.
   *
   * @param metaclass 0..16, position in {@link Metaclasses#NAMES}
   * @param column where it starts
   */
  record OfMetaclass(int metaclass, int column) implements ImageExpression {
    @Override
    public String toString() {
      return "metaclass:" + Metaclasses.NAMES.get(metaclass);
    }
  }

  /**
   * Images by how their original label relates to their ReaL labels.
   *
   * @param agreement the relation
   * @param column where it starts
   */
  record Real(RealAgreement agreement, int column) implements ImageExpression {
    @Override
    public String toString() {
      return "real:" + agreement.key();
    }
  }

  /**
   * Images a model answers wrongly or correctly. An image the model has no prediction for is
   * neither (the upstream inner join).
   *
   * @param model model name, as the zoo spells it
   * @param wrong true for {@code wrong:}, false for {@code right:}
   * @param type error type; null for the session's ({@code --error-type})
   * @param column where it starts
   */
  record Model(String model, boolean wrong, ErrorType type, int column) implements ImageExpression {
    @Override
    public String toString() {
      return (wrong ? "wrong:" : "right:")
          + ExpressionParser.quoteIfNeeded(model)
          + (type == null ? "" : "@" + type.key());
    }
  }

  /**
   * Images whose annotators' text contains a phrase on word boundaries ({@link
   * org.imagenetx.words.WordIndex#containing}).
   *
   * @param kind {@code one_word} ({@code word:}) or {@code justification}
   * @param phrase the phrase, canonical (normalised or tokenized as the texts are)
   * @param column where it starts
   */
  record Text(TermKind kind, String phrase, int column) implements ImageExpression {
    @Override
    public String toString() {
      return (kind == TermKind.ONE_WORD ? "word:" : "justification:")
          + ExpressionParser.quoteIfNeeded(phrase);
    }
  }

  /**
   * @param value a model name, a word or another atom value
   * @return it as an expression spells it: bare, or in quotes when it has whitespace, parentheses,
   *     quotes or {@code @} (the shell completes atoms with it)
   */
  static String quote(String value) {
    return ExpressionParser.quoteIfNeeded(value);
  }

  /**
   * @param e an expression
   * @return the models its {@code wrong:}/{@code right:} atoms name, in order of appearance, each
   *     once (the models a listing of its set shows by default)
   */
  static List<String> models(ImageExpression e) {
    Set<String> out = new LinkedHashSet<>();
    collectModels(e, out);
    return List.copyOf(out);
  }

  private static void collectModels(ImageExpression e, Set<String> out) {
    if (e instanceof Model m) {
      out.add(m.model());
    } else if (e instanceof And a) {
      collectModels(a.left(), out);
      collectModels(a.right(), out);
    } else if (e instanceof Or o) {
      collectModels(o.left(), out);
      collectModels(o.right(), out);
    } else if (e instanceof Not n) {
      collectModels(n.operand(), out);
    }
  }

  /** An operand in parentheses where the operator binds tighter than the operand's own. */
  private static String wrapped(ImageExpression e, boolean underNot) {
    boolean wrap = e instanceof Or || (underNot && e instanceof And);
    return wrap ? "(" + e + ")" : e.toString();
  }
}
