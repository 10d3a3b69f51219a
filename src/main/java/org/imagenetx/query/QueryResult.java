package org.imagenetx.query;

/**
 * What {@link QueryEngine#answer} returns: one of a closed set of records, so front ends (the
 * shell's tables, the explorer's JSON) handle every kind and the compiler knows there are no
 * others. Each is a plain record whose estimates are {@link org.imagenetx.resampling.Interval}s
 * carrying their confidence level and method.
 */
public sealed interface QueryResult
    permits Results.Ranking,
        Results.ModelReport,
        Results.Similarity,
        Results.Comparison,
        Results.Added,
        Results.GroupSummary,
        Results.Matrix,
        Results.ModelList,
        Results.HelpText,
        Results.ImagePage,
        Results.Confusions,
        Results.Words {}
