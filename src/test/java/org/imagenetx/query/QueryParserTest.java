package org.imagenetx.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import org.imagenetx.evaluation.ErrorType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class QueryParserTest {
  @Test
  void parsesEveryCommand() {
    assertThat(QueryParser.parse("rank --by smaller --top 10"))
        .isEqualTo(new Query.Rank("smaller", null, ErrorType.CLASS, null, 10));
    assertThat(
            QueryParser.parse(
                "  rank --by='Partial View' --metric acc --error-type real_class --group 'Self-supervised'"))
        .isEqualTo(
            new Query.Rank(
                "partial_view", Metric.ACCURACY, ErrorType.REAL_CLASS, "Self-supervised", 10));
    assertThat(QueryParser.parse("show ViT --error-type metaclass"))
        .isEqualTo(new Query.Show("ViT", ErrorType.METACLASS));
    assertThat(QueryParser.parse("similar ViT --top 3 --by cosine"))
        .isEqualTo(new Query.Similar("ViT", ErrorType.CLASS, 3, true));
    assertThat(QueryParser.parse("compare \"model a\" B"))
        .isEqualTo(new Query.Compare("model a", "B", ErrorType.CLASS));
    assertThat(QueryParser.parse("add /tmp/x.csv"))
        .isEqualTo(new Query.Add(Path.of("/tmp/x.csv"), ErrorType.CLASS));
    assertThat(QueryParser.parse("groups")).isEqualTo(new Query.Groups(ErrorType.CLASS));
    assertThat(QueryParser.parse("models 'res*'")).isEqualTo(new Query.Models("res*"));
    assertThat(QueryParser.parse("HELP")).isEqualTo(new Query.Help());
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "''|empty query (try: help)",
        "frobnicate|unknown command 'frobnicate' (commands: rank, show, similar, compare, add, groups, models, images, confusions, words, help)",
        "images texture --count 3|images: the expression goes before the options, got '3'",
        "images texture --count=yes|images: --count takes no value",
        "images texture --limit -1|--limit must be at least 0, got -1",
        "words pose --text colour --model ViT|words: unknown text 'colour'",
        "words pose|words: --model is required",
        "rank|rank: --by is required",
        "rank --by|rank: option --by needs a value",
        "rank --by smallest|unknown column 'smallest' (a factor: pose,",
        "rank --by smaller --top 0|--top must be at least 1, got 0",
        "rank --by smaller --top ten|--top needs a whole number, got 'ten'",
        "rank --by smaller --metric speed|unknown metric 'speed' (use error_ratio or accuracy)",
        "rank --by smaller --by pose|rank: option --by given twice",
        "rank --by smaller extra|rank: expected no arguments, got extra",
        "show|show: expected show <model>, got none",
        "show a b|show: expected show <model>, got a b",
        "show a --top 3|show: unknown option '--top' (options: --error-type)",
        "show a --error-type top5|unknown error type 'top5'",
        "compare a|compare: expected compare <A> <B>, got a",
        "similar a --by euclid|similar: --by must be spearman or cosine, got 'euclid'",
        "show 'ViT|unclosed quote '",
      })
  void mistakesSayWhatIsExpected(String line, String message) {
    QueryException e = assertThrows(QueryException.class, () -> QueryParser.parse(line));
    assertThat(e.getMessage()).startsWith(message);
  }
}
