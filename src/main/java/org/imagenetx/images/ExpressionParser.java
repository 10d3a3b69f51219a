package org.imagenetx.images;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;
import org.imagenetx.annotations.ClassNames;
import org.imagenetx.annotations.Factor;
import org.imagenetx.annotations.FactorSelection;
import org.imagenetx.annotations.Metaclasses;
import org.imagenetx.evaluation.ErrorType;
import org.imagenetx.words.TermKind;
import org.imagenetx.words.WordIndex;

/**
 * Parses image-set expressions into {@link ImageExpression}s and resolves every name in them, so
 * that evaluation cannot fail on user input. Grammar (keywords and prefixes case-insensitive):
 *
 * <pre>
 * expr    = and ("or" and)*
 * and     = unary ("and" unary)*
 * unary   = "not" unary | "(" expr ")" | atom
 * atom    = "all" | factor | prefix ":" value ["@" error_type]
 * value   = bare | '"' text '"' | "'" text "'"
 * </pre>
 *
 * A bare run ends at whitespace or a parenthesis; a quote may open a value only right after the
 * prefix's colon. {@code @error_type} is read on {@code wrong:} and {@code right:} values only.
 */
final class ExpressionParser {
  /** What names resolve against. */
  record Vocabulary(
      ClassNames classNames,
      List<String> models,
      boolean hasReal,
      Set<FactorSelection> selections,
      Supplier<WordIndex> words) {}

  /** The prefixes, for messages and suggestions. */
  static final List<String> PREFIXES =
      List.of(
          "multi",
          "top",
          "class",
          "wnid",
          "metaclass",
          "real",
          "wrong",
          "right",
          "word",
          "justification");

  private static final String EXAMPLE = "e.g. texture and not pose and wrong:ViT";

  private enum Kind {
    OPEN,
    CLOSE,
    ATOM,
    END
  }

  /**
   * A token: a parenthesis, the end, or an atom split into its parts.
   *
   * @param kind what it is
   * @param column 1-based column of its first character
   * @param text the token as typed (atoms: prefix, colon and value)
   * @param prefix text before the first colon, or null when there is none
   * @param value the value (unquoted), or the whole bare word when there is no prefix
   * @param valueColumn 1-based column of the value
   * @param quoted true when the value was quoted
   * @param suffix error type after {@code @}, or null
   * @param suffixColumn 1-based column of the suffix
   */
  private record Token(
      Kind kind,
      int column,
      String text,
      String prefix,
      String value,
      int valueColumn,
      boolean quoted,
      String suffix,
      int suffixColumn) {}

  private final String src;
  private final Vocabulary vocabulary;
  private final List<Token> tokens;
  private int next;

  private ExpressionParser(String src, Vocabulary vocabulary) {
    this.src = src;
    this.vocabulary = vocabulary;
    this.tokens = lex(src);
  }

  /**
   * @param text an expression
   * @param vocabulary what names resolve against
   * @return the expression, every name resolved
   * @throws ExpressionException at the first problem
   */
  static ImageExpression parse(String text, Vocabulary vocabulary) {
    ExpressionParser p = new ExpressionParser(text, vocabulary);
    if (p.peek().kind() == Kind.END) {
      throw new ExpressionException(1, "empty expression (" + EXAMPLE + ")");
    }
    ImageExpression e = p.or();
    Token t = p.peek();
    if (t.kind() == Kind.CLOSE) {
      throw new ExpressionException(t.column(), "')' without a matching '('");
    }
    if (t.kind() != Kind.END) {
      throw new ExpressionException(
          t.column(), "expected 'and', 'or' or the end, found '" + t.text() + "'");
    }
    return e;
  }

  private Token peek() {
    return tokens.get(next);
  }

  private boolean keyword(Token t, String word) {
    return t.kind() == Kind.ATOM
        && t.prefix() == null
        && !t.quoted()
        && t.value().equalsIgnoreCase(word);
  }

  private ImageExpression or() {
    ImageExpression left = and();
    while (keyword(peek(), "or")) {
      Token op = tokens.get(next++);
      left = new ImageExpression.Or(left, operand(op, this::and), left.column());
    }
    return left;
  }

  private ImageExpression and() {
    ImageExpression left = unary();
    while (keyword(peek(), "and")) {
      Token op = tokens.get(next++);
      left = new ImageExpression.And(left, operand(op, this::unary), left.column());
    }
    return left;
  }

  /** The operand after an operator, or an error at the operator when it is missing. */
  private ImageExpression operand(Token op, Supplier<ImageExpression> rule) {
    Token t = peek();
    if (t.kind() == Kind.END || t.kind() == Kind.CLOSE || keyword(t, "and") || keyword(t, "or")) {
      throw new ExpressionException(
          t.kind() == Kind.END ? op.column() : t.column(),
          "expected an image set after '" + op.value().toLowerCase(Locale.ROOT) + "'");
    }
    return rule.get();
  }

  private ImageExpression unary() {
    Token t = peek();
    if (keyword(t, "not")) {
      next++;
      return new ImageExpression.Not(operand(t, this::unary), t.column());
    }
    if (t.kind() == Kind.OPEN) {
      next++;
      if (peek().kind() == Kind.CLOSE) {
        throw new ExpressionException(peek().column(), "empty parentheses");
      }
      ImageExpression inner = or();
      Token close = peek();
      if (close.kind() != Kind.CLOSE) {
        if (close.kind() == Kind.END) {
          throw new ExpressionException(t.column(), "'(' is never closed");
        }
        throw new ExpressionException(
            close.column(), "expected 'and', 'or' or ')', found '" + close.text() + "'");
      }
      next++;
      return inner;
    }
    if (t.kind() == Kind.CLOSE) {
      throw new ExpressionException(t.column(), "expected an image set, found ')'");
    }
    if (keyword(t, "and") || keyword(t, "or")) {
      throw new ExpressionException(
          t.column(), "expected an image set before '" + t.value().toLowerCase(Locale.ROOT) + "'");
    }
    next++;
    return atom(t);
  }

  private ImageExpression atom(Token t) {
    if (t.prefix() == null) {
      if (t.value().equalsIgnoreCase("all")) {
        return new ImageExpression.All(t.column());
      }
      return new ImageExpression.HasFactor(
          factor(t.value(), t.valueColumn(), true), null, t.column());
    }
    String prefix = t.prefix().toLowerCase(Locale.ROOT);
    if (!prefix.equals("wrong") && !prefix.equals("right") && t.suffix() != null) {
      throw new ExpressionException(
          t.suffixColumn() - 1, "'@" + t.suffix() + "' applies to wrong: and right: only");
    }
    if (t.value().isEmpty()) {
      throw new ExpressionException(
          t.valueColumn(), "'" + t.prefix() + ":' needs a value" + valueHint(prefix));
    }
    String v = t.value();
    int col = t.valueColumn();
    switch (prefix) {
      case "multi":
      case "top":
        {
          FactorSelection sel = FactorSelection.parse(prefix);
          if (!vocabulary.selections().contains(sel)) {
            throw new ExpressionException(t.column(), prefix + " factors are not loaded");
          }
          return new ImageExpression.HasFactor(factor(v, col, false), sel, t.column());
        }
      case "class":
        return new ImageExpression.OfClass(classId(v, col), t.column());
      case "wnid":
        return new ImageExpression.OfClass(wnid(v, col), t.column());
      case "metaclass":
        {
          for (int m = 0; m < Metaclasses.COUNT; m++) {
            if (Metaclasses.NAMES.get(m).equalsIgnoreCase(v.replace(' ', '_'))) {
              return new ImageExpression.OfMetaclass(m, t.column());
            }
          }
          throw new ExpressionException(
              col,
              "unknown metaclass '"
                  + v
                  + "'"
                  + orList(
                      Suggest.didYouMean(v, Metaclasses.NAMES), "metaclasses", Metaclasses.NAMES));
        }
      case "real":
        {
          if (!vocabulary.hasReal()) {
            throw new ExpressionException(
                t.column(), "these annotations have no ReaL labels for real:");
          }
          List<String> keys = new ArrayList<>();
          for (RealAgreement r : RealAgreement.values()) {
            if (r.key().equalsIgnoreCase(v)) {
              return new ImageExpression.Real(r, t.column());
            }
            keys.add(r.key());
          }
          throw new ExpressionException(
              col,
              "unknown ReaL relation '"
                  + v
                  + "'"
                  + orList(Suggest.didYouMean(v, keys), "use", keys));
        }
      case "wrong":
      case "right":
        {
          ErrorType type = null;
          if (t.suffix() != null) {
            try {
              type = ErrorType.parse(t.suffix());
            } catch (IllegalArgumentException e) {
              throw new ExpressionException(
                  t.suffixColumn(),
                  "unknown error type '" + t.suffix() + "' (use class, metaclass or real_class)");
            }
            if (type == ErrorType.REAL_CLASS && !vocabulary.hasReal()) {
              throw new ExpressionException(
                  t.suffixColumn(), "these annotations have no ReaL labels for real_class");
            }
          }
          return new ImageExpression.Model(model(v, col), prefix.equals("wrong"), type, t.column());
        }
      case "word":
        return new ImageExpression.Text(
            TermKind.ONE_WORD, text(TermKind.ONE_WORD, v, col), t.column());
      case "justification":
        return new ImageExpression.Text(
            TermKind.JUSTIFICATION, text(TermKind.JUSTIFICATION, v, col), t.column());
      default:
        {
          List<String> close = new ArrayList<>();
          for (String c : Suggest.closest(t.prefix(), PREFIXES)) {
            close.add(c + ":");
          }
          throw new ExpressionException(
              t.column(),
              "unknown prefix '"
                  + t.prefix()
                  + ":'"
                  + (close.isEmpty()
                      ? " (prefixes: " + String.join(", ", PREFIXES) + ")"
                      : " (did you mean " + String.join(" or ", close) + "?)"));
        }
    }
  }

  private static String valueHint(String prefix) {
    switch (prefix) {
      case "class":
        return " (a class id, WordNet id or label, e.g. class:tench)";
      case "wrong":
      case "right":
        return " (a model name, e.g. " + prefix + ":ViT)";
      case "word":
        return " (e.g. word:\"top view\")";
      default:
        return "";
    }
  }

  /** A did-you-mean, or else the list of valid values. */
  private static String orList(String didYouMean, String label, List<String> values) {
    return !didYouMean.isEmpty()
        ? didYouMean
        : " (" + label + ": " + String.join(", ", values) + ")";
  }

  private Factor factor(String v, int col, boolean bare) {
    String key = v.toLowerCase(Locale.ROOT).replace('-', '_');
    for (Factor f : Factor.values()) {
      if (f.column().equals(key)) {
        return f;
      }
    }
    List<String> columns = Arrays.asList(Factor.columns());
    String hint = Suggest.didYouMean(v, columns);
    if (bare && hint.isEmpty()) {
      hint = otherKindHint(v);
    }
    if (bare && hint.isEmpty() && PREFIXES.contains(key)) {
      hint = " (did you mean " + key + ":<value>?)";
    }
    throw new ExpressionException(
        col, "unknown factor '" + v + "'" + orList(hint, "factors", columns));
  }

  /** A bare word that names a model, a metaclass or a class: say which prefix it needs. */
  private String otherKindHint(String v) {
    if (vocabulary.models().contains(v)) {
      String q = quoteIfNeeded(v);
      return " (did you mean wrong:" + q + " or right:" + q + "?)";
    }
    for (String m : Metaclasses.NAMES) {
      if (m.equalsIgnoreCase(v)) {
        return " (did you mean metaclass:" + m + "?)";
      }
    }
    ClassNames names = vocabulary.classNames();
    for (int c = 0; c < names.numClasses(); c++) {
      if (names.label(c).equalsIgnoreCase(v)) {
        return " (did you mean class:" + quoteIfNeeded(names.label(c)) + "?)";
      }
    }
    return "";
  }

  private int classId(String v, int col) {
    ClassNames names = vocabulary.classNames();
    int numClasses = names.numClasses();
    if (!v.isEmpty() && v.chars().allMatch(ch -> ch >= '0' && ch <= '9')) {
      int id = v.length() > 4 ? Integer.MAX_VALUE : Integer.parseInt(v);
      if (id >= numClasses) {
        throw new ExpressionException(col, "class id " + v + " outside 0.." + (numClasses - 1));
      }
      return id;
    }
    if (isWnid(v)) {
      return wnid(v, col);
    }
    List<Integer> found = new ArrayList<>();
    List<String> labels = new ArrayList<>(numClasses);
    for (int c = 0; c < numClasses; c++) {
      labels.add(names.label(c));
      if (names.label(c).equalsIgnoreCase(v)) {
        found.add(c);
      }
    }
    if (found.size() == 1) {
      return found.get(0);
    }
    if (found.size() > 1) {
      List<String> options = new ArrayList<>();
      for (int c : found) {
        options.add("class:" + c + " (" + names.wnid(c) + ")");
      }
      throw new ExpressionException(
          col, "class label '" + v + "' is ambiguous: " + String.join(" or ", options));
    }
    String hint = Suggest.didYouMean(v, labels);
    throw new ExpressionException(
        col,
        "unknown class '"
            + v
            + "'"
            + (hint.isEmpty()
                ? " (use a class id 0.."
                    + (numClasses - 1)
                    + ", a WordNet id such as n01440764 or a label such as tench)"
                : hint));
  }

  private static boolean isWnid(String v) {
    return v.length() == 9
        && v.charAt(0) == 'n'
        && v.substring(1).chars().allMatch(Character::isDigit);
  }

  private int wnid(String v, int col) {
    ClassNames names = vocabulary.classNames();
    for (int c = 0; c < names.numClasses(); c++) {
      if (names.wnid(c).equalsIgnoreCase(v)) {
        return c;
      }
    }
    // no did-you-mean: ids one digit apart are unrelated synsets
    throw new ExpressionException(
        col,
        "unknown WordNet id '"
            + v
            + "'"
            + (isWnid(v) ? " (not an ImageNet-1k class)" : " (WordNet ids look like n01440764)"));
  }

  private String model(String v, int col) {
    List<String> models = vocabulary.models();
    if (models.contains(v)) {
      return v;
    }
    String match = null;
    for (String m : models) {
      if (m.equalsIgnoreCase(v)) {
        if (match != null) {
          match = null;
          break;
        }
        match = m;
      }
    }
    if (match != null) {
      return match;
    }
    throw new ExpressionException(
        col,
        "unknown model '"
            + v
            + "'"
            + orList(
                Suggest.didYouMean(v, models),
                "models",
                models.size() <= 8 ? models : List.of(models.size() + " in the zoo")));
  }

  private String text(TermKind kind, String v, int col) {
    String canonical = WordIndex.canonical(kind, v);
    String what = kind == TermKind.ONE_WORD ? "one_word" : "justification";
    if (canonical == null) {
      throw new ExpressionException(col, "'" + v + "' has no word to look for in " + what);
    }
    WordIndex words = vocabulary.words().get();
    if (words.containing(kind, canonical).isEmpty()) {
      List<String> candidates = words.terms(kind);
      throw new ExpressionException(
          col, "no " + what + " contains '" + v + "'" + Suggest.didYouMean(canonical, candidates));
    }
    return canonical;
  }

  /**
   * @param s a value
   * @return the value as an expression spells it: bare when it has no whitespace, parenthesis,
   *     quote or {@code @}, else in double quotes (single quotes when it holds a double quote)
   */
  static String quoteIfNeeded(String s) {
    boolean bare = !s.isEmpty();
    for (int i = 0; i < s.length() && bare; i++) {
      char ch = s.charAt(i);
      bare = !Character.isWhitespace(ch) && "()\"'@".indexOf(ch) < 0;
    }
    if (bare) {
      return s;
    }
    return s.indexOf('"') >= 0 ? "'" + s + "'" : "\"" + s + "\"";
  }

  private static boolean isQuote(char ch) {
    return ch == '"' || ch == '\'';
  }

  private static boolean endsBare(char ch) {
    return Character.isWhitespace(ch) || ch == '(' || ch == ')' || isQuote(ch);
  }

  /** Splits the text into parentheses and atoms; columns are 1-based. */
  private static List<Token> lex(String s) {
    List<Token> out = new ArrayList<>();
    int i = 0;
    int n = s.length();
    while (true) {
      while (i < n && Character.isWhitespace(s.charAt(i))) {
        i++;
      }
      if (i >= n) {
        out.add(new Token(Kind.END, n + 1, "", null, "", n + 1, false, null, 0));
        return out;
      }
      char ch = s.charAt(i);
      if (ch == '(' || ch == ')') {
        out.add(
            new Token(
                ch == '(' ? Kind.OPEN : Kind.CLOSE,
                i + 1,
                String.valueOf(ch),
                null,
                "",
                i + 1,
                false,
                null,
                0));
        i++;
        continue;
      }
      int start = i;
      while (i < n && !endsBare(s.charAt(i))) {
        i++;
      }
      String bare = s.substring(start, i);
      int colon = bare.indexOf(':');
      String prefix = colon < 0 ? null : bare.substring(0, colon);
      String value = colon < 0 ? bare : bare.substring(colon + 1);
      int valueColumn = colon < 0 ? start + 1 : start + colon + 2;
      boolean quoted = false;
      if (i < n && isQuote(s.charAt(i))) {
        if (prefix == null || !value.isEmpty()) {
          throw new ExpressionException(
              i + 1,
              "a quote may only open a value right after a prefix, e.g. word:\"top view\" or"
                  + " class:\"potter's wheel\"");
        }
        char quote = s.charAt(i);
        int close = s.indexOf(quote, i + 1);
        if (close < 0) {
          throw new ExpressionException(i + 1, "unclosed quote " + quote);
        }
        value = s.substring(i + 1, close);
        valueColumn = i + 2;
        quoted = true;
        i = close + 1;
      }
      String suffix = null;
      int suffixColumn = 0;
      boolean model =
          prefix != null && (prefix.equalsIgnoreCase("wrong") || prefix.equalsIgnoreCase("right"));
      if (quoted) {
        int tail = i;
        while (i < n && !endsBare(s.charAt(i))) {
          i++;
        }
        if (i < n && isQuote(s.charAt(i))) {
          throw new ExpressionException(i + 1, "unexpected quote");
        }
        String rest = s.substring(tail, i);
        if (!rest.isEmpty()) {
          if (rest.charAt(0) != '@' || !model) {
            throw new ExpressionException(
                tail + 1, "unexpected '" + rest + "' after the quoted value");
          }
          suffix = rest.substring(1);
          suffixColumn = tail + 2;
        }
      } else if (model) {
        int at = value.lastIndexOf('@');
        if (at >= 0) {
          suffix = value.substring(at + 1);
          suffixColumn = valueColumn + at + 1;
          value = value.substring(0, at);
        }
      } else if (prefix != null && value.indexOf('@') >= 0) {
        int at = value.indexOf('@');
        suffix = value.substring(at + 1);
        suffixColumn = valueColumn + at + 1;
        value = value.substring(0, at);
      }
      out.add(
          new Token(
              Kind.ATOM,
              start + 1,
              s.substring(start, i),
              prefix,
              value,
              valueColumn,
              quoted,
              suffix,
              suffixColumn));
    }
  }
}
