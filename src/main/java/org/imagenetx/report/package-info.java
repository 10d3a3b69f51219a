/**
 * Output: every table renders from one {@link org.imagenetx.report.ReportTable} as aligned text,
 * CSV, Markdown, JSON or LaTeX. The tables shared by several front ends are defined here once:
 * model comparisons ({@link org.imagenetx.report.ComparisonTables}: {@code compare}, the shell, the
 * explorer, {@code reproduce}) and query answers ({@link org.imagenetx.report.QueryTables}: the
 * shell and {@code imagenetx query}). The upstream CSVs are written by {@link
 * org.imagenetx.report.AccuracyCsv} with numbers formatted as Python's {@code repr} ({@link
 * org.imagenetx.report.PyFloat}), so they diff cleanly against pandas output.
 */
package org.imagenetx.report;
