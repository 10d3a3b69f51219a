/**
 * Interactive questions over a whole zoo: one {@link org.imagenetx.query.Session} evaluates every
 * model once (through {@link org.imagenetx.evaluation.Aggregation}, so its numbers are the batch
 * tables'), and {@link org.imagenetx.query.QueryEngine} answers {@code rank}, {@code show}, {@code
 * similar}, {@code compare}, {@code add} and {@code groups} as records in {@link
 * org.imagenetx.query.Results}, in well under 100 ms on 2,200 models. The shell, {@code imagenetx
 * query} and the explorer all call this one API.
 *
 * <pre>{@code
 * Session s = Session.open(dataset, zoo, FactorSelection.TOP, Map.of(), 2);
 * QueryEngine q = new QueryEngine(s, Intervals.NONE);
 * Results.Ranking r = (Results.Ranking) q.answer(QueryParser.parse("rank --by smaller --top 10"));
 * }</pre>
 */
package org.imagenetx.query;
