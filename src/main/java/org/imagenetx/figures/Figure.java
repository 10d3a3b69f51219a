package org.imagenetx.figures;

import java.awt.Font;
import java.awt.font.FontRenderContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.imagenetx.report.ReportTable;

/**
 * A figure as plain data: its file name, a caption for people, one panel or a grid of panels, and
 * the table behind it (written beside the images as CSV, so every mark can be checked).
 *
 * <p>Sizes are in SVG user units (points); the PNG is drawn at {@link #pngScale()} times that size,
 * at least {@value #MIN_PNG_WIDTH} pixels wide.
 *
 * @param name file stem, e.g. {@code model-comparison} (lowercase, digits, dashes)
 * @param caption one or two sentences saying what is shown and how to read it
 * @param panels the charts, row-major
 * @param columns panels per grid row (≥ 1)
 * @param panelWidth width of one panel, in points
 * @param panelHeight height of one panel, in points
 * @param data the numbers drawn, one row per mark
 * @param title heading of the figure on the results page (defaults to the name)
 * @param provenance the footer line (data, selection, error type, models, intervals, test,
 *     adjustment), or null for a figure drawn outside the catalogue (no footer)
 */
public record Figure(
    String name,
    String caption,
    List<Panel> panels,
    int columns,
    int panelWidth,
    int panelHeight,
    ReportTable data,
    String title,
    Provenance provenance) {
  /** Minimum PNG width, in pixels. */
  public static final int MIN_PNG_WIDTH = 1600;

  /** Height of the shared legend strip of multi-panel figures, in points. */
  public static final int LEGEND_HEIGHT = 36;

  /** Footer font: the provenance line. */
  static final Font FOOTER = new Font("SansSerif", Font.PLAIN, 10);

  /** Height of one footer line, in points. */
  static final int FOOTER_LINE = 13;

  /** Space around the footer block, in points. */
  static final int FOOTER_PAD = 6;

  /** Checks the name and the layout. */
  public Figure {
    Objects.requireNonNull(caption, "caption");
    if (title == null || title.isBlank()) {
      title = name;
    }
    Objects.requireNonNull(data, "data");
    if (!name.matches("[a-z0-9][a-z0-9-]*")) {
      throw new IllegalArgumentException(
          "figure name must be lowercase words with dashes: " + name);
    }
    panels = List.copyOf(panels);
    if (panels.isEmpty() || columns < 1 || panelWidth < 50 || panelHeight < 50) {
      throw new IllegalArgumentException(name + ": needs panels and a positive layout");
    }
  }

  /**
   * A figure without title and footer (set them with {@link #with}).
   *
   * @param name file stem
   * @param caption caption
   * @param panels the charts, row-major
   * @param columns panels per grid row
   * @param panelWidth width of one panel, in points
   * @param panelHeight height of one panel, in points
   * @param data the numbers drawn
   */
  public Figure(
      String name,
      String caption,
      List<Panel> panels,
      int columns,
      int panelWidth,
      int panelHeight,
      ReportTable data) {
    this(name, caption, panels, columns, panelWidth, panelHeight, data, null, null);
  }

  /**
   * @param title heading on the results page
   * @param provenance footer line
   * @return this figure with a title and a footer
   */
  public Figure with(String title, Provenance provenance) {
    return new Figure(
        name, caption, panels, columns, panelWidth, panelHeight, data, title, provenance);
  }

  /**
   * The footer, wrapped at word boundaries to the figure's width (measured with fractional metrics
   * and no device transform, so the SVG and the PNG wrap identically).
   *
   * @return footer lines (empty without provenance)
   */
  public List<String> footerLines() {
    if (provenance == null) {
      return List.of();
    }
    FontRenderContext frc = new FontRenderContext(null, true, true);
    double max = width() - 2.0 * FOOTER_PAD;
    List<String> lines = new ArrayList<>();
    StringBuilder line = new StringBuilder();
    for (String word : provenance.line().split(" ")) {
      String candidate = line.length() == 0 ? word : line + " " + word;
      if (line.length() > 0 && FOOTER.getStringBounds(candidate, frc).getWidth() > max) {
        lines.add(line.toString());
        line.setLength(0);
        line.append(word);
      } else {
        line.setLength(0);
        line.append(candidate);
      }
    }
    if (line.length() > 0) {
      lines.add(line.toString());
    }
    return lines;
  }

  /**
   * @return footer height, in points (0 without provenance)
   */
  public int footerHeight() {
    int n = footerLines().size();
    return n == 0 ? 0 : n * FOOTER_LINE + 2 * FOOTER_PAD;
  }

  /**
   * @param name file stem
   * @param caption caption
   * @param panel the one chart
   * @param width width in points
   * @param height height in points
   * @param data the numbers drawn
   * @return a one-panel figure
   */
  public static Figure single(
      String name, String caption, Panel panel, int width, int height, ReportTable data) {
    return new Figure(name, caption, List.of(panel), 1, width, height, data);
  }

  /**
   * @return grid rows
   */
  public int rows() {
    return (panels.size() + columns - 1) / columns;
  }

  /**
   * @return true when a legend strip is drawn under the grid (several panels, several series)
   */
  public boolean sharedLegend() {
    return panels.size() > 1 && panels.get(0).numSeries() > 1;
  }

  /**
   * @return total width in points
   */
  public int width() {
    return Math.min(columns, panels.size()) * panelWidth;
  }

  /**
   * @return total height in points
   */
  public int height() {
    return rows() * panelHeight + (sharedLegend() ? LEGEND_HEIGHT : 0) + footerHeight();
  }

  /**
   * @return PNG pixels per point: 2, or more to reach {@value #MIN_PNG_WIDTH} pixels
   */
  public int pngScale() {
    return Math.max(2, (MIN_PNG_WIDTH + width() - 1) / width());
  }
}
