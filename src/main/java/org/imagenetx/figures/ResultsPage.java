package org.imagenetx.figures;

import java.nio.file.Path;
import java.util.List;
import org.imagenetx.io.AtomicFiles;

/**
 * The results page of {@code reproduce}: {@code index.html}, one static page (inline style, no
 * script, no network) with every figure, its caption and links to its data; and {@code README.md}
 * with the same content for repository browsers. Paths are relative to the output folder, so the
 * folder can be moved or published as is. No timestamps: two runs give the same page.
 */
public final class ResultsPage {
  /**
   * One figure on the page.
   *
   * @param name figure name
   * @param caption caption
   * @param png PNG path relative to the page
   * @param svg SVG path relative to the page
   * @param csv data path relative to the page
   * @param note extra remark shown after the caption, or empty
   */
  public record Item(
      String name, String caption, String png, String svg, String csv, String note) {}

  /**
   * A table written by the run.
   *
   * @param path path relative to the page
   * @param description what it holds
   */
  public record Table(String path, String description) {}

  private ResultsPage() {}

  /**
   * @param out output folder ({@code index.html} and {@code README.md} go there)
   * @param title page title
   * @param intro one paragraph: the data used and how to regenerate
   * @param items figures, in order
   * @param tables tables, in order
   */
  public static void write(
      Path out, String title, String intro, List<Item> items, List<Table> tables) {
    AtomicFiles.writeString(out.resolve("index.html"), html(title, intro, items, tables));
    AtomicFiles.writeString(out.resolve("README.md"), markdown(title, intro, items, tables));
  }

  static String html(String title, String intro, List<Item> items, List<Table> tables) {
    StringBuilder sb = new StringBuilder(8192);
    sb.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .append("<title>")
        .append(esc(title))
        .append("</title>\n")
        .append("<link rel=\"icon\" href=\"data:,\">\n")
        .append("<style>\n")
        .append(
            "body{font-family:sans-serif;max-width:72rem;margin:2rem auto;padding:0 1rem;color:#222;line-height:1.45}\n")
        .append("figure{margin:2.5rem 0;border-top:1px solid #ddd;padding-top:1rem}\n")
        .append("figure img{width:100%;height:auto;display:block}\n")
        .append("figcaption{margin-top:.5rem}\n")
        .append(".note{color:#8a4b00}\n")
        .append("nav a{margin-right:.8rem}\n")
        .append("code{background:#f3f3f3;padding:0 .2rem}\n")
        .append("</style>\n</head>\n<body>\n");
    sb.append("<h1>")
        .append(esc(title))
        .append("</h1>\n<p>")
        .append(esc(intro))
        .append("</p>\n<nav>");
    for (Item i : items) {
      sb.append("<a href=\"#").append(i.name()).append("\">").append(esc(i.name())).append("</a>");
    }
    sb.append("</nav>\n");
    for (Item i : items) {
      sb.append("<figure id=\"")
          .append(i.name())
          .append("\">\n<h2>")
          .append(esc(i.name()))
          .append("</h2>\n")
          .append("<a href=\"")
          .append(i.svg())
          .append("\"><img src=\"")
          .append(i.png())
          .append("\" alt=\"")
          .append(esc(i.caption()))
          .append("\"></a>\n<figcaption>")
          .append(esc(i.caption()));
      if (!i.note().isEmpty()) {
        sb.append(" <span class=\"note\">").append(esc(i.note())).append("</span>");
      }
      sb.append("<br>Data: <a href=\"")
          .append(i.csv())
          .append("\">CSV</a> · <a href=\"")
          .append(i.svg())
          .append("\">SVG</a> · <a href=\"")
          .append(i.png())
          .append("\">PNG</a></figcaption>\n</figure>\n");
    }
    if (!tables.isEmpty()) {
      sb.append("<h2>Tables</h2>\n<ul>\n");
      for (Table t : tables) {
        sb.append("<li><a href=\"")
            .append(t.path())
            .append("\"><code>")
            .append(esc(t.path()))
            .append("</code></a>: ")
            .append(esc(t.description()))
            .append("</li>\n");
      }
      sb.append("</ul>\n");
    }
    sb.append("</body>\n</html>\n");
    return sb.toString();
  }

  static String markdown(String title, String intro, List<Item> items, List<Table> tables) {
    StringBuilder sb = new StringBuilder(8192);
    sb.append("# ").append(title).append("\n\n").append(intro).append("\n\n");
    for (Item i : items) {
      sb.append("## ")
          .append(i.name())
          .append("\n\n")
          .append("![")
          .append(i.name())
          .append("](")
          .append(i.png())
          .append(")\n\n")
          .append(i.caption());
      if (!i.note().isEmpty()) {
        sb.append(" *").append(i.note()).append("*");
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
