package org.imagenetx.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.imagenetx.annotations.Factor;
import org.imagenetx.annotations.Metaclasses;
import org.imagenetx.images.ImageExpression;
import org.imagenetx.images.RealAgreement;
import org.imagenetx.io.BadInputException;
import org.imagenetx.io.Printable;
import org.imagenetx.query.QueryEngine;
import org.imagenetx.query.QueryException;
import org.imagenetx.query.QueryParser;
import org.imagenetx.query.QueryResult;
import org.imagenetx.report.Format;
import org.imagenetx.report.QueryTables;
import org.imagenetx.words.TermKind;
import org.imagenetx.words.WordIndex;
import org.jline.reader.Candidate;
import org.jline.reader.Completer;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.ParsedLine;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;

/** {@code imagenetx shell}: an interactive prompt over one zoo, loaded once. */
@Command(
    name = "shell",
    mixinStandardHelpOptions = true,
    description = {
      "Interactive queries over a zoo loaded once: rank, show, similar, compare, add, groups, models.",
      "History (~/.imagenetx_history), tab completion of commands, options, model and factor names;"
          + " tables fit the terminal width. Type help for the language, quit to leave."
    })
final class ShellCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Mixin QueryCommand.SessionOptions session;

  @Override
  public Integer call() throws IOException {
    PrintWriter err = spec.commandLine().getErr();
    long t0 = System.nanoTime();
    QueryEngine engine = session.open(spec, err);
    err.printf(
        Locale.ROOT,
        "%d models loaded in %.2f s (%s factors, tables %.1f MB). Type help, or quit.%n",
        engine.session().models().size(),
        (System.nanoTime() - t0) / 1e9,
        engine.session().selection().key(),
        engine.session().ramBytesUsed() / 1e6);
    err.flush();
    if (!Tty.attached()) {
      // piped input: no line editor (its buffer took 3.5 GB for a 1 MB line), no history file
      return piped(engine, System.in, spec.commandLine().getOut());
    }
    try (Terminal terminal = TerminalBuilder.builder().system(true).build()) {
      Path history = Path.of(System.getProperty("user.home"), ".imagenetx_history");
      return repl(engine, terminal, history);
    }
  }

  /**
   * Runs the prompt on a non-system terminal (tests feed input through JLine's dumb terminal).
   *
   * @param engine the engine
   * @param in typed input
   * @param out terminal output
   * @return 0
   */
  static int repl(QueryEngine engine, InputStream in, OutputStream out) {
    try (Terminal terminal =
        TerminalBuilder.builder().system(false).streams(in, out).type("dumb").build()) {
      return repl(engine, terminal, null);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Longest query line read; the longest real query is well under 1,000 characters. */
  static final int MAX_LINE_CHARS = 4096;

  /**
   * Answers queries read from a pipe or file: lines longer than {@value #MAX_LINE_CHARS} characters
   * are skipped with a one-line error (never held whole in memory), nothing is recorded in the
   * history, and each line is echoed after the prompt so a transcript reads as a session.
   *
   * @param engine the engine
   * @param in the queries, UTF-8, one per line
   * @param w where answers go
   * @return 0
   */
  static int piped(QueryEngine engine, InputStream in, PrintWriter w) {
    java.io.Reader r =
        new java.io.BufferedReader(
            new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
    StringBuilder sb = new StringBuilder();
    long lineNo = 0;
    try {
      while (true) {
        sb.setLength(0);
        long length = 0;
        int c;
        while ((c = r.read()) >= 0 && c != '\n') {
          if (length++ < MAX_LINE_CHARS) {
            sb.append((char) c);
          }
        }
        if (c < 0 && length == 0) {
          break;
        }
        lineNo++;
        if (length > MAX_LINE_CHARS) {
          w.printf(
              Locale.ROOT,
              "imagenetx> (line %d skipped)%nerror: line %d has %d characters, more than %d%n",
              lineNo,
              lineNo,
              length,
              MAX_LINE_CHARS);
          w.flush();
          continue;
        }
        String t = sb.toString().strip();
        w.println("imagenetx> " + Printable.escape(t));
        if (t.equals("quit") || t.equals("exit")) {
          break;
        }
        if (!t.isEmpty()) {
          answer(engine, t, w, 0);
        }
        w.flush();
        if (c < 0) {
          break;
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    w.flush();
    return 0;
  }

  private static void answer(QueryEngine engine, String t, PrintWriter w, int width) {
    long start = System.nanoTime();
    try {
      QueryResult r = engine.answer(QueryParser.parse(t));
      long answered = System.nanoTime();
      String text = QueryTables.render(r, Format.TABLE, QueryTables.DECIMALS, width);
      long rendered = System.nanoTime();
      w.print(text);
      w.printf(
          Locale.ROOT,
          "(answered in %.1f ms, table in %.1f ms)%n",
          (answered - start) / 1e6,
          (rendered - answered) / 1e6);
    } catch (QueryException | BadInputException e) {
      w.println("error: " + Printable.escape(e.getMessage()));
    }
  }

  private static int repl(QueryEngine engine, Terminal terminal, Path history) {
    LineReaderBuilder b =
        LineReaderBuilder.builder()
            .terminal(terminal)
            .appName("imagenetx")
            .completer(new QueryCompleter(engine));
    if (history != null) {
      b.variable(LineReader.HISTORY_FILE, history);
    }
    LineReader reader = b.build();
    PrintWriter w = terminal.writer();
    while (true) {
      String line;
      try {
        line = reader.readLine("imagenetx> ");
      } catch (UserInterruptException e) {
        continue;
      } catch (EndOfFileException e) {
        break;
      }
      String t = line.strip();
      if (t.isEmpty()) {
        continue;
      }
      if (t.equals("quit") || t.equals("exit")) {
        break;
      }
      if (t.length() > MAX_LINE_CHARS) {
        w.printf(
            Locale.ROOT,
            "error: line of %d characters, more than %d%n",
            t.length(),
            MAX_LINE_CHARS);
        w.flush();
        continue;
      }
      answer(engine, t, w, Math.max(0, terminal.getColumns()));
      w.flush();
    }
    w.flush();
    return 0;
  }

  /** Completes command words, options, option values, model names and factor names. */
  static final class QueryCompleter implements Completer {
    private final QueryEngine engine;

    QueryCompleter(QueryEngine engine) {
      this.engine = engine;
    }

    @Override
    public void complete(LineReader reader, ParsedLine line, List<Candidate> candidates) {
      for (String s : candidates(engine, line.words(), line.wordIndex())) {
        candidates.add(new Candidate(s));
      }
    }

    /**
     * @param engine the engine (models, groups)
     * @param words the words of the line
     * @param wordIndex index of the word being completed
     * @return the completions, before prefix filtering
     */
    static List<String> candidates(QueryEngine engine, List<String> words, int wordIndex) {
      if (wordIndex == 0) {
        return QueryParser.COMMANDS;
      }
      String cmd = words.get(0);
      List<String> opts = QueryParser.OPTIONS.get(cmd);
      if (opts == null) {
        return List.of();
      }
      String prev = words.get(wordIndex - 1);
      switch (prev) {
        case "--by":
          if (cmd.equals("similar")) {
            return List.of("spearman", "cosine");
          }
          List<String> cols = new ArrayList<>(List.of(Factor.columns()));
          cols.addAll(QueryEngine.SUMMARY_COLUMNS);
          return cols;
        case "--metric":
          return List.of("error_ratio", "accuracy");
        case "--error-type":
          List<String> types = new ArrayList<>();
          engine.session().types().forEach(t -> types.add(t.key()));
          return types;
        case "--group":
          return engine.session().groupNames();
        case "--top":
        case "--limit":
          return List.of("5", "10", "20", "50");
        case "--model":
          return engine.session().zoo().models();
        case "--text":
          return List.of("one_word", "justification");
        default:
          break;
      }
      String current = wordIndex < words.size() ? words.get(wordIndex) : "";
      if (QueryParser.EXPRESSION_COMMANDS.contains(cmd) && !current.startsWith("-")) {
        return expressionWords(engine, current);
      }
      if (current.startsWith("-") || cmd.equals("rank") || cmd.equals("groups")) {
        return opts;
      }
      if (cmd.equals("show") || cmd.equals("similar") || cmd.equals("compare")) {
        List<String> all = new ArrayList<>(engine.session().models());
        all.addAll(opts);
        return all;
      }
      return List.of();
    }

    /**
     * The words of an image-set expression: operators, factors, atoms with a prefix and, once the
     * prefix is typed, its values (models, metaclasses, the annotators' words).
     */
    static List<String> expressionWords(QueryEngine engine, String current) {
      List<String> out = new ArrayList<>(List.of("and", "or", "not", "all"));
      for (String f : Factor.columns()) {
        out.add(f);
      }
      out.addAll(
          List.of(
              "multi:",
              "top:",
              "class:",
              "wnid:",
              "metaclass:",
              "real:",
              "wrong:",
              "right:",
              "word:",
              "justification:"));
      int colon = current.indexOf(':');
      if (colon < 0) {
        return out;
      }
      String prefix = current.substring(0, colon + 1).toLowerCase(Locale.ROOT);
      List<String> values = new ArrayList<>();
      switch (prefix) {
        case "multi:":
        case "top:":
          values.addAll(List.of(Factor.columns()));
          break;
        case "wrong:":
        case "right:":
          values.addAll(engine.session().zoo().models());
          break;
        case "metaclass:":
          values.addAll(Metaclasses.NAMES);
          break;
        case "real:":
          for (RealAgreement a : RealAgreement.values()) {
            values.add(a.key());
          }
          break;
        case "word:":
          values.addAll(WordIndex.of(engine.session().dataset()).terms(TermKind.ONE_WORD));
          break;
        case "justification:":
          values.addAll(WordIndex.of(engine.session().dataset()).terms(TermKind.JUSTIFICATION));
          break;
        default:
          return out;
      }
      List<String> prefixed = new ArrayList<>(values.size());
      for (String v : values) {
        prefixed.add(prefix + ImageExpression.quote(v));
      }
      return prefixed;
    }
  }
}
