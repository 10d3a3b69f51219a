package org.imagenetx.figures;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.imagenetx.io.AtomicFiles;

/**
 * The results page of {@code reproduce}: {@code index.html}, one static page (inline style, no
 * script, no network) with a table of contents, every figure under its title with its caption and
 * provenance line, and every table rendered as an HTML table (tables of more than {@value
 * #MAX_ROWS} rows show their first {@value #MAX_ROWS} rows and link the whole CSV); and {@code
 * README.md} with the figures for repository browsers. Paths are relative to the output folder, so
 * the folder can be moved or published as is. No timestamps: two runs give the same page.
 *
 * <p>The HTML is also well-formed XML (void elements closed, only the XML entities), so a strict
 * parser can check it.
 */
public final class ResultsPage {
  /** Rows of a table shown on the page; the CSV link has all of them. */
  public static final int MAX_ROWS = 200;

  /**
   * One figure on the page.
   *
   * @param name figure name (anchor)
   * @param title heading
   * @param caption caption
   * @param provenance the figure's footer line (data, selection, …), or empty
   * @param png PNG path relative to the page
   * @param svg SVG path relative to the page
   * @param csv data path relative to the page
   * @param note extra remark shown after the caption, or empty
   */
  public record Item(
      String name,
      String title,
      String caption,
      String provenance,
      String png,
      String svg,
      String csv,
      String note) {}

  /**
   * A table written by the run.
   *
   * @param path path relative to the page
   * @param description what it holds
   */
  public record Table(String path, String description) {}

  private ResultsPage() {}

  /**
   * @param out output folder ({@code index.html} and {@code README.md} go there; the tables are
   *     read from it)
   * @param title page title
   * @param intro one paragraph: the data used and how to regenerate ({@code `code`} spans allowed)
   * @param items figures, in order
   * @param tables tables, in order
   */
  public static void write(
      Path out, String title, String intro, List<Item> items, List<Table> tables) {
    AtomicFiles.writeString(out.resolve("index.html"), html(out, title, intro, items, tables));
    AtomicFiles.writeString(out.resolve("README.md"), markdown(title, intro, items, tables));
  }

  static String html(Path out, String title, String intro, List<Item> items, List<Table> tables) {
    StringBuilder sb = new StringBuilder(1 << 16);
    sb.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\" />\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\" />\n")
        .append("<title>")
        .append(esc(title))
        .append("</title>\n")
        .append("<link rel=\"icon\" href=\"data:,\" />\n")
        .append("<style>\n")
        .append(
            "body{font-family:sans-serif;max-width:72rem;margin:2rem auto;padding:0 1rem;color:#222;line-height:1.45}\n")
        .append("figure{margin:2.5rem 0;border-top:1px solid #ddd;padding-top:1rem}\n")
        .append("figure img{max-width:100%;height:auto;display:block}\n")
        .append("figcaption{margin-top:.5rem}\n")
        .append(".provenance{color:#555;font-size:.9em}\n")
        .append(".note{color:#8a4b00}\n")
        .append("nav ol{columns:2 20rem}\n")
        .append("code{background:#f3f3f3;padding:0 .2rem;overflow-wrap:anywhere}\n")
        .append(".scroll{overflow-x:auto;max-width:100%}\n")
        .append("table{border-collapse:collapse;font-size:.85em;margin:.5rem 0}\n")
        .append(
            "th,td{border:1px solid #ddd;padding:.15rem .4rem;text-align:right;white-space:nowrap}\n")
        .append("th{background:#f3f3f3;position:sticky;top:0}\n")
        .append("td:first-child,th:first-child{text-align:left}\n")
        .append("pre{overflow-x:auto;background:#f8f8f8;padding:.5rem}\n")
        .append("section{margin:1.5rem 0}\n")
        .append("</style>\n</head>\n<body>\n");
    sb.append("<h1>")
        .append(esc(title))
        .append("</h1>\n<p>")
        .append(inline(intro))
        .append("</p>\n<nav aria-label=\"Contents\">\n<h2>Contents</h2>\n<ol>\n");
    for (Item i : items) {
      sb.append("<li><a href=\"#")
          .append(i.name())
          .append("\">")
          .append(esc(i.title()))
          .append("</a></li>\n");
    }
    if (!tables.isEmpty()) {
      sb.append("<li><a href=\"#tables\">Tables</a></li>\n");
    }
    sb.append("</ol>\n</nav>\n<main>\n");
    for (Item i : items) {
      sb.append("<figure id=\"")
          .append(i.name())
          .append("\">\n<h2>")
          .append(esc(i.title()))
          .append("</h2>\n")
          .append("<a href=\"")
          .append(i.svg())
          .append("\"><img src=\"")
          .append(i.png())
          .append("\" alt=\"")
          .append(esc(i.title()))
          .append("\" /></a>\n<figcaption>")
          .append(inline(i.caption()));
      if (!i.note().isEmpty()) {
        sb.append(" <span class=\"note\">").append(inline(i.note())).append("</span>");
      }
      if (!i.provenance().isEmpty()) {
        sb.append("<br /><span class=\"provenance\">")
            .append(esc(i.provenance()))
            .append("</span>");
      }
      sb.append("<br />Files: <a href=\"")
          .append(i.csv())
          .append("\">data (CSV)</a> · <a href=\"")
          .append(i.svg())
          .append("\">SVG</a> · <a href=\"")
          .append(i.png())
          .append("\">PNG</a></figcaption>\n</figure>\n");
    }
    if (!tables.isEmpty()) {
      sb.append("<section id=\"tables\">\n<h2>Tables</h2>\n");
      int n = 0;
      for (Table t : tables) {
        n++;
        sb.append("<section id=\"table-")
            .append(n)
            .append("\">\n<h3>")
            .append(esc(capitalised(t.description())))
            .append("</h3>\n<p><a href=\"")
            .append(t.path())
            .append("\"><code>")
            .append(esc(t.path()))
            .append("</code></a></p>\n");
        table(sb, out == null ? null : out.resolve(t.path()), t.path());
        sb.append("</section>\n");
      }
      sb.append("</section>\n");
    }
    sb.append("</main>\n</body>\n</html>\n");
    return sb.toString();
  }

  /** Renders a written CSV as an HTML table, a LaTeX file as preformatted text. */
  private static void table(StringBuilder sb, Path file, String path) {
    if (file == null || !Files.isRegularFile(file)) {
      return;
    }
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (!path.endsWith(".csv")) {
      sb.append("<div class=\"scroll\"><pre>").append(esc(text)).append("</pre></div>\n");
      return;
    }
    List<List<String>> rows = csv(text);
    if (rows.isEmpty()) {
      return;
    }
    int total = rows.size() - 1;
    if (total > MAX_ROWS) {
      sb.append("<p>The first ")
          .append(MAX_ROWS)
          .append(" of ")
          .append(String.format(Locale.ROOT, "%,d", total))
          .append(" rows; the CSV has them all.</p>\n");
    }
    sb.append("<div class=\"scroll\">\n<table>\n<thead><tr>");
    for (String h : rows.get(0)) {
      sb.append("<th scope=\"col\">").append(esc(h)).append("</th>");
    }
    sb.append("</tr></thead>\n<tbody>\n");
    for (int r = 1; r < rows.size() && r <= MAX_ROWS; r++) {
      sb.append("<tr>");
      for (String c : rows.get(r)) {
        sb.append("<td>").append(esc(c)).append("</td>");
      }
      sb.append("</tr>\n");
    }
    sb.append("</tbody>\n</table>\n</div>\n");
  }

  /**
   * @param text CSV (RFC 4180: quoted fields may hold commas, quotes and newlines)
   * @return its rows
   */
  static List<List<String>> csv(String text) {
    List<List<String>> rows = new ArrayList<>();
    List<String> row = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
          field.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          field.append(c);
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == ',') {
        row.add(field.toString());
        field.setLength(0);
      } else if (c == '\n') {
        row.add(field.toString());
        field.setLength(0);
        rows.add(row);
        row = new ArrayList<>();
      } else if (c != '\r') {
        field.append(c);
      }
    }
    if (field.length() > 0 || !row.isEmpty()) {
      row.add(field.toString());
      rows.add(row);
    }
    return rows;
  }

  private static String capitalised(String s) {
    return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }

  /**
   * @param s text with {@code `code`} spans
   * @return escaped HTML with the spans as {@code <code>} elements (an unpaired backtick stays)
   */
  static String inline(String s) {
    StringBuilder sb = new StringBuilder(s.length() + 32);
    int i = 0;
    while (i < s.length()) {
      int open = s.indexOf('`', i);
      int close = open < 0 ? -1 : s.indexOf('`', open + 1);
      if (close < 0) {
        sb.append(esc(s.substring(i)));
        break;
      }
      sb.append(esc(s.substring(i, open)))
          .append("<code>")
          .append(esc(s.substring(open + 1, close)))
          .append("</code>");
      i = close + 1;
    }
    return sb.toString();
  }

  static String markdown(String title, String intro, List<Item> items, List<Table> tables) {
    StringBuilder sb = new StringBuilder(8192);
    sb.append("# ").append(title).append("\n\n").append(intro).append("\n\n");
    for (Item i : items) {
      sb.append("## ")
          .append(i.title())
          .append("\n\n")
          .append("![")
          .append(i.title())
          .append("](")
          .append(i.png())
          .append(")\n\n")
          .append(i.caption());
      if (!i.note().isEmpty()) {
        sb.append(" *").append(i.note()).append("*");
      }
      if (!i.provenance().isEmpty()) {
        sb.append("\n\n<sub>").append(i.provenance()).append("</sub>");
      }
      sb.append("\n\nData: [CSV](")
          .append(i.csv())
          .append(") · [SVG](")
          .append(i.svg())
          .append(") · [PNG](")
          .append(i.png())
          .append(")\n\n");
    }
    if (!tables.isEmpty()) {
      sb.append("## Tables\n\n");
      for (Table t : tables) {
        sb.append("- [`")
            .append(t.path())
            .append("`](")
            .append(t.path())
            .append("): ")
            .append(t.description())
            .append('\n');
      }
    }
    return sb.toString();
  }

  static String esc(String s) {
    StringBuilder sb = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '<' -> sb.append("&lt;");
        case '>' -> sb.append("&gt;");
        case '&' -> sb.append("&amp;");
        case '"' -> sb.append("&quot;");
        default -> sb.append(c);
      }
    }
    return sb.toString();
  }
}
