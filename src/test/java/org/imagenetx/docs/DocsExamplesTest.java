package org.imagenetx.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.imagenetx.cli.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The docs check: every fenced block of {@code README.md} and {@code docs/*.md} that follows a line
 * {@code <!-- check -->} is a transcript ({@code $ imagenetx …} or {@code $ java -jar
 * target/imagenetx.jar …} lines, each followed by the output it prints; a trailing {@code # remark}
 * is not part of the command). Each command runs in-process through {@link Main#run} in a fresh
 * folder (relative paths that are not files of the repository resolve there, so examples may write
 * {@code base.zoo}); its standard output must equal the lines under it, where {@code …} in an
 * expected line stands for any text (timings) and a line that is only {@code …} for any number of
 * lines (rows cut). A doc whose output drifted fails here.
 *
 * <p>{@code mvn test -Dtest=DocsExamplesTest -Dimagenetx.docs.write=true} rewrites the expected
 * output in place, for a deliberate change (review the diff).
 */
class DocsExamplesTest {
  static final String MARK = "<!-- check -->";
  static final Path REPO = Path.of("").toAbsolutePath();

  /** The README's spelling of the launcher: the same program as {@code imagenetx}. */
  static final String JAR = "target/imagenetx.jar";

  @TempDir Path tmp;

  /**
   * A marked transcript.
   *
   * @param file the Markdown file
   * @param line 1-based line of its opening fence
   * @param lines the block's lines (without fences)
   */
  record Example(Path file, int line, List<String> lines) {
    @Override
    public String toString() {
      return REPO.relativize(file) + ":" + line;
    }
  }

  static List<Path> docs() throws IOException {
    List<Path> files = new ArrayList<>(List.of(REPO.resolve("README.md")));
    try (Stream<Path> s = Files.list(REPO.resolve("docs"))) {
      s.filter(p -> p.toString().endsWith(".md")).sorted().forEach(files::add);
    }
    return files;
  }

  static List<Example> examples() throws IOException {
    List<Example> out = new ArrayList<>();
    for (Path f : docs()) {
      List<String> lines = Files.readAllLines(f);
      for (int i = 0; i < lines.size(); i++) {
        if (!lines.get(i).trim().equals(MARK)) {
          continue;
        }
        int open = i + 1;
        if (open >= lines.size() || !lines.get(open).startsWith("```")) {
          throw new AssertionError(f + ":" + (i + 1) + ": " + MARK + " must precede a fence");
        }
        int close = open + 1;
        while (close < lines.size() && !lines.get(close).startsWith("```")) {
          close++;
        }
        out.add(new Example(f, open + 1, List.copyOf(lines.subList(open + 1, close))));
      }
    }
    return out;
  }

  @Test
  void theDocsMarkExamplesInTheReadmeAndTheDocsFolder() throws IOException {
    List<Example> all = examples();
    assertThat(all.stream().map(e -> e.file().getFileName().toString()).distinct())
        .contains("README.md", "zoo.md", "statistics.md");
    assertThat(all).hasSizeGreaterThanOrEqualTo(8);
  }

  @Test
  void anElidedLineStandsForAnyNumberOfLinesAndAnEllipsisForAnyText() {
    List<String> printed = List.of("head", "a 1", "b 2", "c 3", "tail");
    assertThat(matchLines(List.of("head", "…", "tail"), 0, printed, 0)).isTrue();
    assertThat(matchLines(List.of("head", "a …", "…", "c 3", "tail", "…"), 0, printed, 0)).isTrue();
    assertThat(matchLines(List.of("head", "…", "b 2", "tail"), 0, printed, 0)).isFalse();
    assertThat(matchLines(List.of("head", "…", "d 4", "…"), 0, printed, 0)).isFalse();
    assertThat(matchLines(List.of("head", "…"), 0, List.of("tail"), 0)).isFalse();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("examples")
  void exampleOutputHasNotDrifted(Example ex) throws IOException {
    List<String> actual = new ArrayList<>();
    List<String> expected = new ArrayList<>();
    String command = null;
    for (String l : ex.lines()) {
      if (l.startsWith("$ ")) {
        if (command != null) {
          actual.addAll(run(command));
        }
        command = l.substring(2);
        actual.add(l);
      } else if (command == null) {
        throw new AssertionError(ex + ": a checked block starts with a $ command");
      }
      expected.add(l);
    }
    if (command != null) {
      actual.addAll(run(command));
    }
    if (Boolean.getBoolean("imagenetx.docs.write") && !expected.contains(ELIDED)) {
      // (a block with cut rows is not rewritten: which rows to cut is the author's choice; it is
      // checked below, and its failure prints what the command prints now)
      // keep the doc's lines that still match (so "…" wildcards survive), take the rest as printed
      List<String> merged = new ArrayList<>();
      for (int i = 0; i < actual.size(); i++) {
        boolean same = i < expected.size() && matches(expected.get(i), actual.get(i));
        merged.add(same ? expected.get(i) : actual.get(i));
      }
      rewrite(ex, merged);
      return;
    }
    if (expected.contains(ELIDED)) {
      assertThat(matchLines(expected, 0, actual, 0))
          .as(
              "%s: the doc%n  %s%nno longer matches what it prints:%n  %s",
              ex, String.join("\n  ", expected), String.join("\n  ", actual))
          .isTrue();
      return;
    }
    assertThat(actual).as("%s (left: what the command prints now)", ex).hasSameSizeAs(expected);
    for (int i = 0; i < expected.size(); i++) {
      assertThat(matches(expected.get(i), actual.get(i)))
          .as("%s, line %d:%n  doc: %s%n  now: %s", ex, i + 1, expected.get(i), actual.get(i))
          .isTrue();
    }
  }

  /** A doc line that is only {@code …}: any number of printed lines (rows cut from the doc). */
  static final String ELIDED = "…";

  /**
   * @return whether {@code expected} from {@code i} matches {@code actual} from {@code j}, an
   *     {@link #ELIDED} line standing for zero or more lines
   */
  static boolean matchLines(List<String> expected, int i, List<String> actual, int j) {
    if (i == expected.size()) {
      return j == actual.size();
    }
    if (expected.get(i).strip().equals(ELIDED)) {
      for (int k = j; k <= actual.size(); k++) {
        if (matchLines(expected, i + 1, actual, k)) {
          return true;
        }
      }
      return false;
    }
    return j < actual.size()
        && matches(expected.get(i), actual.get(j))
        && matchLines(expected, i + 1, actual, j + 1);
  }

  /**
   * @param expected a doc line; {@code …} matches any text
   * @param actual a printed line
   * @return whether they agree (trailing spaces ignored)
   */
  static boolean matches(String expected, String actual) {
    String e = expected.stripTrailing();
    String a = actual.stripTrailing();
    if (!e.contains("…")) {
      return e.equals(a);
    }
    StringBuilder re = new StringBuilder();
    for (String part : e.split("…", -1)) {
      if (re.length() > 0) {
        re.append(".*");
      }
      re.append(Pattern.quote(part));
    }
    return Pattern.matches(re.toString(), a);
  }

  private List<String> run(String command) {
    // a trailing "  # remark" (e.g. "# columns cut") is the doc's, not the command's
    List<String> words = split(command.replaceFirst("\\s{2,}#\\s.*$", ""));
    int first = 1;
    if (words.size() >= 3 && words.subList(0, 3).equals(List.of("java", "-jar", JAR))) {
      first = 3;
    } else if (words.isEmpty() || !words.get(0).equals("imagenetx")) {
      throw new AssertionError("a checked example runs imagenetx only: " + command);
    }
    List<String> args = new ArrayList<>();
    for (int i = first; i < words.size(); i++) {
      args.add(resolve(words.get(i)));
    }
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(new PrintWriter(out), new PrintWriter(err), args.toArray(new String[0]));
    assertThat(code).as("%s: %s", command, err).isZero();
    String text = out.toString().replace(tmp.toString() + "/", "").replace(tmp.toString(), ".");
    return text.isEmpty() ? List.of() : List.of(text.split("\n", -1)).subList(0, lines(text));
  }

  private static int lines(String text) {
    String[] l = text.split("\n", -1);
    return text.endsWith("\n") ? l.length - 1 : l.length;
  }

  /** A relative path that is no file of the repository is a file of the example's folder. */
  private String resolve(String word) {
    boolean pathLike =
        !word.startsWith("-")
            && (word.contains("/") || word.matches(".*\\.(zoo|csv|json|jsonl|zip|md|html)$"));
    if (!pathLike || Path.of(word).isAbsolute() || Files.exists(REPO.resolve(word))) {
      return word;
    }
    return tmp.resolve(word).toString();
  }

  /** Splits at spaces; double or single quotes group words. */
  static List<String> split(String command) {
    List<String> out = new ArrayList<>();
    StringBuilder w = new StringBuilder();
    char quote = 0;
    boolean any = false;
    for (char c : command.toCharArray()) {
      if (quote != 0) {
        if (c == quote) {
          quote = 0;
        } else {
          w.append(c);
        }
      } else if (c == '"' || c == '\'') {
        quote = c;
        any = true;
      } else if (c == ' ') {
        if (any || w.length() > 0) {
          out.add(w.toString());
        }
        w.setLength(0);
        any = false;
      } else {
        w.append(c);
      }
    }
    if (any || w.length() > 0) {
      out.add(w.toString());
    }
    return out;
  }

  /**
   * Replaces the block's lines in its file. The block is found by its content, not by the line
   * number read at the start: an earlier block of the same file may have been rewritten to another
   * length since.
   */
  private static void rewrite(Example ex, List<String> actual) throws IOException {
    List<String> lines = new ArrayList<>(Files.readAllLines(ex.file()));
    int from = -1;
    for (int i = 0; i + 1 < lines.size() && from < 0; i++) {
      if (lines.get(i).trim().equals(MARK)
          && lines.get(i + 1).startsWith("```")
          && i + 2 + ex.lines().size() <= lines.size()
          && lines.subList(i + 2, i + 2 + ex.lines().size()).equals(ex.lines())) {
        from = i + 2;
      }
    }
    if (from < 0) {
      throw new AssertionError(ex + ": block not found again, not rewritten");
    }
    int to = from;
    while (!lines.get(to).startsWith("```")) {
      to++;
    }
    List<String> keep = lines.subList(0, from);
    List<String> rest = lines.subList(to, lines.size());
    List<String> out = new ArrayList<>(keep);
    out.addAll(actual);
    out.addAll(rest);
    Files.write(ex.file(), out);
  }
}
