package org.imagenetx.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.imagenetx.annotations.Factor;
import org.imagenetx.evaluation.SmallCells;
import org.imagenetx.query.Metric;
import org.imagenetx.query.QueryEngine;
import org.imagenetx.query.QueryResult;
import org.imagenetx.query.Results;
import org.imagenetx.resampling.Interval;

/**
 * Renders query results as {@link ReportTable}s for the shell and {@code imagenetx query}. Text is
 * fitted to a terminal width: a table wider than the terminal is cut into column blocks that repeat
 * the first column, rather than wrapped.
 */
public final class QueryTables {
  /** Decimals of text tables. */
  public static final int DECIMALS = 4;

  private QueryTables() {}

  /**
   * @param result an answer
   * @return its tables (most results have one; a model report has two)
   */
  public static List<ReportTable> of(QueryResult result) {
    if (result instanceof Results.Ranking r) {
      return List.of(ranking(r));
    } else if (result instanceof Results.ModelReport m) {
      return report(m);
    } else if (result instanceof Results.Added a) {
      List<ReportTable> t = new ArrayList<>(report(a.report()));
      t.get(0).note("added " + a.model() + " to this session (not written to disk)");
      return t;
    } else if (result instanceof Results.Similarity s) {
      return List.of(similarity(s));
    } else if (result instanceof Results.Comparison c) {
      return List.of(comparison(c));
    } else if (result instanceof Results.GroupSummary g) {
      return List.of(groups(g));
    } else if (result instanceof Results.ModelList l) {
      ReportTable t = new ReportTable(List.of("model"));
      for (String m : l.models()) {
        t.addRow(m);
      }
      t.note(l.models().size() + " models");
      return List.of(t);
    } else if (result instanceof Results.HelpText h) {
      ReportTable t = new ReportTable(List.of("query"));
      for (String line : h.text().split("\n")) {
        t.addRow(line);
      }
      return List.of(t);
    } else if (result instanceof Results.ImagePage p) {
      return List.of(images(p));
    } else if (result instanceof Results.Confusions c) {
      return List.of(confusions(c));
    } else if (result instanceof Results.Words w) {
      return List.of(words(w));
    }
    // Results.Matrix, the explorer's heatmap data, has no table
    throw new IllegalArgumentException("no table for " + result.getClass().getSimpleName());
  }

  /**
   * @param result a result
   * @param format rendering
   * @param decimals decimals of numbers in the text formats
   * @param width terminal width in characters (text formats); 0 = unlimited
   * @return the text, ending with a newline
   */
  public static String render(QueryResult result, Format format, int decimals, int width) {
    StringBuilder sb = new StringBuilder();
    List<ReportTable> tables = of(result);
    for (int i = 0; i < tables.size(); i++) {
      if (i > 0) {
        sb.append('\n');
      }
      if (format == Format.TABLE && width > 0) {
        sb.append(fit(tables.get(i), width));
      } else {
        sb.append(tables.get(i).render(format, decimals));
      }
    }
    return sb.toString();
  }

  /**
   * @param t a table
   * @param width characters available
   * @return the aligned rendering, cut into column blocks when wider than {@code width}
   */
  static String fit(ReportTable t, int width) {
    String full = t.render(Format.TABLE, DECIMALS);
    if (maxLine(full) <= width) {
      return full;
    }
    // the aligned rendering is header, rows, then the notes: keep the notes apart and wrap them
    List<String> lines = full.lines().toList();
    List<String> notes = lines.subList(1 + t.rows().size(), lines.size());
    StringBuilder out = new StringBuilder();
    List<String> cols = t.columns();
    if (cols.size() <= 2) {
      lines.subList(0, 1 + t.rows().size()).forEach(l -> out.append(l).append('\n'));
    } else {
      // an aligned block is the first column plus two spaces and the width of each other column, so
      // each column's width is measured once and the blocks are packed greedily
      int first = maxLine(block(t, 1, 1).render(Format.TABLE, DECIMALS));
      int[] w = new int[cols.size()];
      for (int c = 1; c < cols.size(); c++) {
        w[c] = maxLine(block(t, c, c + 1).render(Format.TABLE, DECIMALS)) - first - 2;
      }
      int from = 1;
      while (from < cols.size()) {
        int to = from + 1;
        int used = first + 2 + w[from];
        while (to < cols.size() && used + 2 + w[to] <= width) {
          used += 2 + w[to];
          to++;
        }
        if (from > 1) {
          out.append('\n');
        }
        out.append(block(t, from, to).render(Format.TABLE, DECIMALS));
        from = to;
      }
    }
    for (String note : notes) {
      wrap(out, note, width);
    }
    return out.toString();
  }

  private static void wrap(StringBuilder out, String text, int width) {
    StringBuilder line = new StringBuilder();
    for (String word : text.split(" ")) {
      if (line.length() > 0 && line.length() + 1 + word.length() > width) {
        out.append(line).append('\n');
        line.setLength(0);
        line.append("  ");
      } else if (line.length() > 0) {
        line.append(' ');
      }
      line.append(word);
    }
    out.append(line).append('\n');
  }

  private static ReportTable block(ReportTable t, int from, int to) {
    List<String> cols = new ArrayList<>();
    cols.add(t.columns().get(0));
    cols.addAll(t.columns().subList(from, to));
    ReportTable b = new ReportTable(cols);
    for (int i = 0; i < t.rows().size(); i++) {
      Object[] r = t.rows().get(i);
      Object[] cells = new Object[cols.size()];
      cells[0] = r[0];
      System.arraycopy(r, from, cells, 1, to - from);
      b.addRow(cells);
      for (int c = from; c < to; c++) {
        if (t.flagOf(i, c) != null) {
          b.flag(1 + c - from, t.flagOf(i, c));
        }
      }
    }
    return b;
  }

  private static int maxLine(String s) {
    int max = 0;
    for (String line : s.split("\n")) {
      max = Math.max(max, line.length());
    }
    return max;
  }

  private static boolean hasIntervals(List<Interval> es) {
    for (Interval e : es) {
      if (e.hasBounds()) {
        return true;
      }
    }
    return false;
  }

  /**
   * Adds an estimate's columns: {@code name}, {@code name_lower}, {@code name_upper} (the names the
   * JSON API gives an {@link Interval}); the bounds are empty where no interval was computed.
   */
  private static void estimate(List<String> cols, String name) {
    cols.add(name);
    cols.add(name + "_lower");
    cols.add(name + "_upper");
  }

  private static void estimate(List<Object> cells, Interval e) {
    cells.add(e.point());
    cells.add(e.lower());
    cells.add(e.upper());
  }

  static ReportTable ranking(Results.Ranking r) {
    List<Interval> es = new ArrayList<>();
    r.rows().forEach(x -> es.add(x.value()));
    String value = r.valueColumn();
    List<String> cols = new ArrayList<>(List.of("rank", "model"));
    estimate(cols, value);
    cols.add("average");
    ReportTable t = new ReportTable(cols);
    for (Results.RankRow row : r.rows()) {
      List<Object> cells = new ArrayList<>(List.of(row.rank(), row.model()));
      estimate(cells, row.value());
      cells.add(row.average());
      t.addRow(cells.toArray());
    }
    t.note(
        String.format(
            Locale.ROOT,
            "%s by %s (%s, %s%s); top %d of %d models",
            value,
            r.by(),
            r.metric() == Metric.ERROR_RATIO ? "ascending: most robust first" : "descending",
            r.type().key(),
            r.group() == null ? "" : ", group " + r.group(),
            r.rows().size(),
            r.numRanked()));
    if (hasIntervals(es) && r.rows().size() > QueryEngine.MAX_RANK_INTERVALS) {
      t.note(
          String.format(
              Locale.ROOT,
              "intervals (bootstrap, computed per model on demand) for the first %d rows only",
              QueryEngine.MAX_RANK_INTERVALS));
    }
    return t;
  }

  static List<ReportTable> report(Results.ModelReport m) {
    List<String> cols = new ArrayList<>(List.of("factor"));
    estimate(cols, "accuracy");
    estimate(cols, "error_ratio");
    cols.add("rank");
    cols.add("n");
    cols.add("small");
    ReportTable t = new ReportTable(cols);
    boolean anySmall = false;
    for (Results.FactorLine f : m.factors()) {
      List<Object> cells = new ArrayList<>(List.of(f.factor()));
      estimate(cells, f.accuracy());
      estimate(cells, f.errorRatio());
      cells.add(f.rank() + "/" + m.numModels());
      cells.add(f.n());
      cells.add(f.small());
      anySmall |= f.small();
      t.addRow(cells.toArray());
      if (f.small()) {
        t.flag(cols.indexOf("error_ratio"), SmallCells.FLAG);
      }
    }
    t.note(
        String.format(
            Locale.ROOT,
            "%s (%s): average %.4f (rank %d/%d), worst_factor %.4f, worst_100_classes %.4f; weakest: %s",
            m.model(),
            m.type().key(),
            m.average().point(),
            m.averageRank(),
            m.numModels(),
            m.worstFactor(),
            m.worst100Classes(),
            String.join(", ", m.weakest())));
    t.note("rank: 1 = lowest error ratio (most robust) among the session's models");
    if (anySmall) {
      t.note(SmallCells.NOTE);
    }
    List<String> mcols = new ArrayList<>(List.of("metaclass", "average", "worst_factor"));
    mcols.addAll(List.of(Factor.columns()));
    ReportTable mt = new ReportTable(mcols);
    int small = 0;
    for (Results.MetaclassLine l : m.metaclasses()) {
      Object[] cells = new Object[mcols.size()];
      cells[0] = l.metaclass();
      cells[1] = l.average();
      cells[2] = l.worstFactor();
      for (int f = 0; f < Factor.COUNT; f++) {
        cells[3 + f] = l.accuracy()[f];
      }
      mt.addRow(cells);
      for (int f = 0; f < Factor.COUNT; f++) {
        if (l.small()[f] && l.n()[f] > 0) {
          mt.flag(3 + f, SmallCells.FLAG);
          small++;
        }
      }
    }
    mt.note("accuracy per true metaclass (empty: no image of the metaclass has the factor)");
    if (small > 0) {
      mt.note(
          SmallCells.NOTE
              + " (the n of each cell: the JSON answer's n, or ratios --by-metaclass --counts)");
    }
    return List.of(t, mt);
  }

  static ReportTable similarity(Results.Similarity s) {
    ReportTable t = new ReportTable(List.of("rank", "model", "spearman", "cosine"));
    for (Results.Neighbour n : s.rows()) {
      t.addRow(n.rank(), n.model(), n.spearman(), n.cosine());
    }
    t.note(
        "closest 16-factor error-ratio profiles to "
            + s.model()
            + " ("
            + s.type().key()
            + "), by "
            + s.orderedBy()
            + "; cosine is over ER - 1");
    return t;
  }

  /** The comparison as {@code imagenetx compare A B} prints it: the same table definition. */
  static ReportTable comparison(Results.Comparison c) {
    return ComparisonTables.pair(
        c.a(), c.b(), c.selection(), c.type(), c.rows(), c.settings(), c.metaclassIntervals());
  }

  static ReportTable groups(Results.GroupSummary g) {
    List<String> cols = new ArrayList<>(List.of("group", "models", "average"));
    cols.addAll(List.of(Factor.columns()));
    ReportTable t = new ReportTable(cols);
    for (Results.GroupLine l : g.rows()) {
      Object[] cells = new Object[cols.size()];
      cells[0] = l.group();
      cells[1] = l.models();
      cells[2] = l.average();
      for (int f = 0; f < Factor.COUNT; f++) {
        cells[3 + f] = l.errorRatio()[f];
      }
      t.addRow(cells);
    }
    t.note(
        g.rows().isEmpty()
            ? "no groups: pass --groups <csv of model,group> (e.g. model_types.csv)"
            : "mean error ratio per factor over each group's models (" + g.type().key() + ")");
    return t;
  }

  /**
   * @param p a count or a page of images
   * @return {@code count} alone, or the listing of {@code imagenetx images}, its set described
   */
  public static ReportTable images(Results.ImagePage p) {
    if (p.listing() == null) {
      ReportTable t = new ReportTable(List.of("count"));
      t.addRow(p.set().count());
      t.note(p.set().describe());
      return t;
    }
    ReportTable t = ImageTables.listing(p.listing(), p.probabilities(), null, true);
    int offset = p.listing().offset();
    int last = offset + p.listing().rows().size();
    t.note(
        p.set().describe()
            + (p.listing().rows().isEmpty()
                ? "; no rows from " + (offset + 1)
                : "; rows " + (offset + 1) + "-" + last)
            + (last < p.set().count() ? " (--offset " + last + " for more)" : ""));
    return t;
  }

  /**
   * @param c a model's confusions in a set
   * @return the table of {@code imagenetx images --confusions}
   */
  public static ReportTable confusions(Results.Confusions c) {
    var t = c.table();
    ReportTable out = ImageTables.confusions(t, c.top());
    out.note(
        String.format(
            Locale.ROOT,
            "%s: %d %s errors in the %d images of %s (%d on all %d evaluated images); top %d"
                + " of %d %s pairs by count",
            t.model(),
            t.numErrors(),
            t.errorType().key(),
            c.set().count(),
            c.set().expression(),
            t.numErrorsOverall(),
            c.set().universeSize(),
            Math.min(c.top(), t.rows().size()),
            t.rows().size(),
            t.metaclass() ? "metaclass" : "class"));
    return out;
  }

  /**
   * @param w words over-represented among mistakes
   * @return the table of {@code imagenetx images --words}
   */
  public static ReportTable words(Results.Words w) {
    var t = w.table();
    var over = t.overRepresented();
    ReportTable out = ImageTables.words(over, w.top(), true, DECIMALS);
    out.note(
        String.format(
            Locale.ROOT,
            "%s over-represented among the mistakes of %s (%d images) against %s correct answers"
                + " (%d images) in %s; %d terms seen on >= %d of them tested, %d over-represented,"
                + " top %d; p: Fisher's exact test, two-sided; q: Benjamini-Hochberg over the"
                + " tested terms",
            t.kind() == org.imagenetx.words.TermKind.ONE_WORD
                ? "one_word terms"
                : "justification tokens",
            w.models().size() == 1 ? w.models().get(0) : "all of " + String.join(", ", w.models()),
            t.numMistakes(),
            w.models().size() == 1 ? "its" : "their",
            t.numCorrect(),
            w.set().expression(),
            t.numTested(),
            t.minSupport(),
            over.size(),
            Math.min(w.top(), over.size())));
    return out;
  }
}
