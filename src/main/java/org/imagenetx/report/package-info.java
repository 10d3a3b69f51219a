/**
 * Output: every table renders from one {@link org.imagenetx.report.ReportTable} as aligned text,
 * CSV, Markdown, JSON or LaTeX; the upstream CSVs are written by {@link
 * org.imagenetx.report.AccuracyCsv} with numbers formatted as Python's {@code repr} ({@link
 * org.imagenetx.report.PyFloat}), so they diff cleanly against pandas output.
 */
package org.imagenetx.report;
