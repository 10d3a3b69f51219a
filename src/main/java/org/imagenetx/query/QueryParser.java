package org.imagenetx.query;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.imagenetx.annotations.Factor;
import org.imagenetx.evaluation.ErrorType;
import org.imagenetx.words.TermKind;

/**
 * Parses the query language of the shell and of {@code imagenetx query}: a command word, positional
 * arguments and {@code --option value} (or {@code --option=value}) pairs, with single or double
 * quotes around arguments that contain spaces. Every mistake is a {@link QueryException} saying
 * what was expected.
 */
public final class QueryParser {
  /** Command words, for completion. */
  public static final List<String> COMMANDS =
      List.of(
          "rank",
          "show",
          "similar",
          "compare",
          "add",
          "groups",
          "models",
          "images",
          "confusions",
          "words",
          "help");

  /** Options per command, for completion and validation. */
  public static final Map<String, List<String>> OPTIONS =
      Map.ofEntries(
          Map.entry("rank", List.of("--by", "--metric", "--error-type", "--group", "--top")),
          Map.entry("show", List.of("--error-type")),
          Map.entry("similar", List.of("--top", "--by", "--error-type")),
          Map.entry("compare", List.of("--error-type")),
          Map.entry("add", List.of("--error-type")),
          Map.entry("groups", List.of("--error-type")),
          Map.entry("models", List.of()),
          Map.entry("images", List.of("--model", "--limit", "--offset", "--count", "--error-type")),
          Map.entry("confusions", List.of("--model", "--top", "--metaclass", "--error-type")),
          Map.entry(
              "words", List.of("--model", "--text", "--min-support", "--top", "--error-type")),
          Map.entry("help", List.of()));

  /** Options that take no value. */
  public static final Set<String> FLAGS = Set.of("--count", "--metaclass");

  /** Commands whose argument is an image-set expression ({@code images texture and wrong:ViT}). */
  public static final Set<String> EXPRESSION_COMMANDS = Set.of("images", "confusions", "words");

  /** The language, for {@code help}. */
  public static final String HELP =
      String.join(
          "\n",
          "rank --by <factor|average|worst_factor|worst_100_classes> [--metric error_ratio|accuracy]",
          "     [--error-type class|metaclass|real_class] [--group <group|glob>] [--top K]",
          "                        models ranked: error ratio ascending (most robust first), accuracy descending",
          "show <model> [--error-type T]      per-factor accuracy and error ratio, rank on each factor,",
          "                                   per-metaclass accuracies, weakest factors",
          "similar <model> [--top K] [--by spearman|cosine] [--error-type T]",
          "                                   models with the closest 16-factor error-ratio profile",
          "compare <A> <B> [--error-type T]   paired comparison per factor: discordant images, McNemar, Holm",
          "add <file.csv> [--error-type T]    add a model to this session (not to disk); its rank on every factor",
          "groups [--error-type T]            mean error ratio per factor for each model group",
          "models [glob]                      model names, e.g. models 'resnet*'",
          "images <expr> [--model M,..] [--limit N] [--offset N] [--count] [--error-type T]",
          "                                   the images of an expression: texture and not pose and",
          "                                   wrong:ViT and right:ResNet50 (factors, class:, metaclass:,",
          "                                   real:, wrong:/right:, word:\"top view\", justification:)",
          "confusions <expr> --model M [--top K] [--metaclass] [--error-type T]",
          "                                   the model's most frequent (true -> predicted) pairs there",
          "words <expr> --model M[,M2..] [--text one_word|justification] [--min-support N] [--top K]",
          "                                   annotators' words over-represented among its mistakes",
          "help                               this text; quit or exit leaves the shell");

  private QueryParser() {}

  /**
   * @param line one query
   * @return the parsed query
   * @throws QueryException on any mistake
   */
  public static Query parse(String line) {
    String expression = null;
    String head = line.strip();
    int space = 0;
    while (space < head.length() && !Character.isWhitespace(head.charAt(space))) {
      space++;
    }
    if (EXPRESSION_COMMANDS.contains(head.substring(0, space).toLowerCase(Locale.ROOT))) {
      int options = optionsStart(head, space);
      expression = head.substring(space, options).strip();
      line = head.substring(0, space) + " " + head.substring(options);
    }
    List<String> tokens = tokens(line);
    if (tokens.isEmpty()) {
      throw new QueryException("empty query (try: help)");
    }
    String cmd = tokens.get(0).toLowerCase(Locale.ROOT);
    if (!OPTIONS.containsKey(cmd)) {
      throw new QueryException(
          "unknown command '"
              + tokens.get(0)
              + "' (commands: "
              + String.join(", ", COMMANDS)
              + ")");
    }
    List<String> positional = new ArrayList<>();
    Map<String, String> opts = new HashMap<>();
    Set<String> allowed = Set.copyOf(OPTIONS.get(cmd));
    for (int i = 1; i < tokens.size(); i++) {
      String t = tokens.get(i);
      if (t.startsWith("--")) {
        String name = t;
        String value = null;
        int eq = t.indexOf('=');
        if (eq > 0) {
          name = t.substring(0, eq);
          value = t.substring(eq + 1);
        }
        if (!allowed.contains(name)) {
          throw new QueryException(
              cmd
                  + ": unknown option '"
                  + name
                  + "'"
                  + (allowed.isEmpty()
                      ? ""
                      : " (options: " + String.join(", ", OPTIONS.get(cmd)) + ")"));
        }
        if (FLAGS.contains(name)) {
          if (value != null) {
            throw new QueryException(cmd + ": " + name + " takes no value");
          }
          value = "true";
        } else if (value == null) {
          if (i + 1 >= tokens.size()) {
            throw new QueryException(cmd + ": option " + name + " needs a value");
          }
          value = tokens.get(++i);
        }
        if (opts.put(name, value) != null) {
          throw new QueryException(cmd + ": option " + name + " given twice");
        }
      } else {
        positional.add(t);
      }
    }
    if (expression != null && !positional.isEmpty()) {
      throw new QueryException(
          cmd
              + ": the expression goes before the options, got '"
              + String.join(" ", positional)
              + "' after them");
    }
    ErrorType type =
        opts.containsKey("--error-type") ? errorType(opts.get("--error-type")) : ErrorType.CLASS;
    switch (cmd) {
      case "rank":
        {
          expect(cmd, positional, 0, "");
          String by = opts.get("--by");
          if (by == null) {
            throw new QueryException(
                "rank: --by is required (a factor, average, worst_factor or worst_100_classes)");
          }
          by = column(by);
          Metric metric = opts.containsKey("--metric") ? Metric.parse(opts.get("--metric")) : null;
          return new Query.Rank(
              by, metric, type, opts.get("--group"), top(opts.get("--top"), 10, "--top"));
        }
      case "show":
        expect(cmd, positional, 1, " <model>");
        return new Query.Show(positional.get(0), type);
      case "similar":
        {
          expect(cmd, positional, 1, " <model>");
          String by = opts.getOrDefault("--by", "spearman").toLowerCase(Locale.ROOT);
          if (!by.equals("spearman") && !by.equals("cosine")) {
            throw new QueryException(
                "similar: --by must be spearman or cosine, got '" + opts.get("--by") + "'");
          }
          return new Query.Similar(
              positional.get(0), type, top(opts.get("--top"), 10, "--top"), by.equals("cosine"));
        }
      case "compare":
        expect(cmd, positional, 2, " <A> <B>");
        return new Query.Compare(positional.get(0), positional.get(1), type);
      case "add":
        expect(cmd, positional, 1, " <file.csv>");
        return new Query.Add(Path.of(positional.get(0)), type);
      case "groups":
        expect(cmd, positional, 0, "");
        return new Query.Groups(type);
      case "models":
        if (positional.size() > 1) {
          throw new QueryException("models takes at most one glob");
        }
        return new Query.Models(positional.isEmpty() ? "*" : positional.get(0));
      case "images":
        return new Query.Images(
            expression,
            models(opts.get("--model")),
            type,
            count(opts.get("--offset"), 0, "--offset"),
            count(opts.get("--limit"), 20, "--limit"),
            opts.containsKey("--count"));
      case "confusions":
        {
          String model = opts.get("--model");
          if (model == null) {
            throw new QueryException("confusions: --model is required");
          }
          return new Query.Confusions(
              expression,
              model,
              type,
              opts.containsKey("--metaclass"),
              top(opts.get("--top"), 20, "--top"));
        }
      case "words":
        {
          List<String> models = models(opts.get("--model"));
          if (models.isEmpty()) {
            throw new QueryException(
                "words: --model is required (several, comma-separated: a group)");
          }
          TermKind text;
          try {
            text = TermKind.parse(opts.getOrDefault("--text", "one_word"));
          } catch (IllegalArgumentException e) {
            throw new QueryException("words: " + e.getMessage());
          }
          return new Query.Words(
              expression,
              models,
              type,
              text,
              top(opts.get("--min-support"), 10, "--min-support"),
              top(opts.get("--top"), 20, "--top"));
        }
      default:
        return new Query.Help();
    }
  }

  /**
   * Where the options of an expression command start: the first {@code --} outside quotes that
   * begins a word; the text before it is the expression, kept verbatim (quotes included) for the
   * expression parser.
   */
  private static int optionsStart(String line, int from) {
    char quote = 0;
    for (int i = from; i < line.length(); i++) {
      char ch = line.charAt(i);
      if (quote != 0) {
        if (ch == quote) {
          quote = 0;
        }
      } else if (ch == '\'' || ch == '"') {
        quote = ch;
      } else if (ch == '-'
          && line.startsWith("--", i)
          && Character.isWhitespace(line.charAt(i - 1))) {
        return i;
      }
    }
    return line.length();
  }

  /**
   * @param s comma-separated model names, or null
   * @return the names
   */
  public static List<String> models(String s) {
    List<String> out = new ArrayList<>();
    if (s != null) {
      for (String m : s.split(",")) {
        if (!m.isBlank()) {
          out.add(m.strip());
        }
      }
    }
    return out;
  }

  /**
   * @param s a count, or null
   * @param dflt value when null
   * @param name the parameter's name, for messages
   * @return the count (≥ 0)
   */
  public static int count(String s, int dflt, String name) {
    if (s == null) {
      return dflt;
    }
    try {
      int k = Integer.parseInt(s.trim());
      if (k < 0) {
        throw new QueryException(name + " must be at least 0, got " + s);
      }
      return k;
    } catch (NumberFormatException e) {
      throw new QueryException(name + " needs a whole number, got '" + s + "'");
    }
  }

  private static void expect(String cmd, List<String> positional, int n, String usage) {
    if (positional.size() != n) {
      throw new QueryException(
          cmd
              + ": expected "
              + (n == 0 ? "no arguments" : cmd + usage)
              + ", got "
              + (positional.isEmpty() ? "none" : String.join(" ", positional)));
    }
  }

  /**
   * @param by user spelling of a column (factor or summary; spaces and dashes accepted)
   * @return the canonical column name
   */
  public static String column(String by) {
    String k = by.trim().toLowerCase(Locale.ROOT).replace(' ', '_').replace('-', '_');
    if (QueryEngine.columnIndex(k) < 0) {
      throw new QueryException(
          "unknown column '"
              + by
              + "' (a factor: "
              + String.join(", ", Factor.columns())
              + "; or average, worst_factor, worst_100_classes)");
    }
    return k;
  }

  /**
   * @param s user spelling
   * @return the error type
   */
  public static ErrorType errorType(String s) {
    try {
      return ErrorType.parse(s);
    } catch (IllegalArgumentException e) {
      throw new QueryException(e.getMessage());
    }
  }

  /**
   * @param s a count, or null
   * @param dflt value when null
   * @param name the parameter's name in the caller's language, for messages: {@code --top} in a
   *     query, {@code top} in the explorer's API
   * @return the count (≥ 1)
   */
  public static int top(String s, int dflt, String name) {
    if (s == null) {
      return dflt;
    }
    try {
      int k = Integer.parseInt(s.trim());
      if (k < 1) {
        throw new QueryException(name + " must be at least 1, got " + s);
      }
      return k;
    } catch (NumberFormatException e) {
      throw new QueryException(name + " needs a whole number, got '" + s + "'");
    }
  }

  /**
   * Splits on whitespace, honouring single and double quotes.
   *
   * @param line text
   * @return tokens
   */
  public static List<String> tokens(String line) {
    List<String> out = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    boolean in = false;
    char quote = 0;
    for (int i = 0; i < line.length(); i++) {
      char ch = line.charAt(i);
      if (quote != 0) {
        if (ch == quote) {
          quote = 0;
        } else {
          cur.append(ch);
        }
      } else if (ch == '\'' || ch == '"') {
        quote = ch;
        in = true;
      } else if (Character.isWhitespace(ch)) {
        if (in) {
          out.add(cur.toString());
          cur.setLength(0);
          in = false;
        }
      } else {
        cur.append(ch);
        in = true;
      }
    }
    if (quote != 0) {
      throw new QueryException("unclosed quote " + quote);
    }
    if (in) {
      out.add(cur.toString());
    }
    return out;
  }
}
