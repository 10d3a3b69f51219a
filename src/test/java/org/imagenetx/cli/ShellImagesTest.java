package org.imagenetx.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.imagenetx.confusions.ConfusionTable;
import org.imagenetx.evaluation.ErrorType;
import org.imagenetx.images.ImageSet;
import org.imagenetx.images.ImageSets;
import org.imagenetx.query.Query;
import org.imagenetx.query.QueryEngine;
import org.imagenetx.query.QueryException;
import org.imagenetx.query.QueryParser;
import org.imagenetx.query.RealSessions;
import org.imagenetx.query.Results;
import org.imagenetx.words.TermKind;
import org.imagenetx.words.WordIndex;
import org.imagenetx.words.WordTable;
import org.junit.jupiter.api.Test;

/**
 * The shell's images, confusions and words queries: the expression parser of {@code imagenetx
 * images}, the same engine objects, completion of factors, models and words.
 */
class ShellImagesTest {
  private static String shell(QueryEngine e, String input) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ShellCommand.repl(e, new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)), out);
    return out.toString(StandardCharsets.UTF_8).replace("\r", "");
  }

  @Test
  void theExpressionIsTheTextBeforeTheOptionsQuotesIncluded() {
    Query q = QueryParser.parse("images word:\"top view\" and not pose --model ViT,DINO --limit 5");
    assertThat(q)
        .isEqualTo(
            new Query.Images(
                "word:\"top view\" and not pose",
                List.of("ViT", "DINO"),
                ErrorType.CLASS,
                0,
                5,
                false));
    assertThat(QueryParser.parse("images texture --count"))
        .isEqualTo(new Query.Images("texture", List.of(), ErrorType.CLASS, 0, 20, true));
    assertThat(QueryParser.parse("confusions texture --model ViT --metaclass --top 3"))
        .isEqualTo(new Query.Confusions("texture", "ViT", ErrorType.CLASS, true, 3));
    assertThat(
            QueryParser.parse(
                "words pose --model ViT,ResNet50 --text justification --min-support 5"))
        .isEqualTo(
            new Query.Words(
                "pose",
                List.of("ViT", "ResNet50"),
                ErrorType.CLASS,
                TermKind.JUSTIFICATION,
                5,
                20));
  }

  @Test
  void answersAreTheEngineObjectsOfTheCli() {
    QueryEngine e = RealSessions.top();
    ImageSets sets =
        ImageSets.of(
            e.session().dataset(), e.session().zoo(), e.session().selection(), ErrorType.CLASS);
    String expr = "texture and wrong:ViT and right:ResNet50";
    ImageSet set = sets.evaluate(expr);
    Results.ImagePage page =
        (Results.ImagePage) e.answer(QueryParser.parse("images " + expr + " --limit 7"));
    assertThat(page.set().images()).isEqualTo(set.images());
    assertThat(page.listing().rows())
        .isEqualTo(sets.list(set, List.of("ViT", "ResNet50"), 0, 7).rows());
    Results.ImagePage count =
        (Results.ImagePage) e.answer(QueryParser.parse("images " + expr + " --count"));
    assertThat(count.listing()).isNull();
    assertThat(count.set().count()).isEqualTo(set.count()).isPositive();

    Results.Confusions c =
        (Results.Confusions) e.answer(QueryParser.parse("confusions texture --model vit"));
    assertThat(c.table())
        .isEqualTo(
            ConfusionTable.of(sets, sets.evaluate("texture"), "ViT", ErrorType.CLASS, false));
    Results.Words w =
        (Results.Words) e.answer(QueryParser.parse("words pose --model ViT,ResNet50"));
    ImageSet pose = sets.evaluate("pose");
    List<String> both = List.of("ViT", "ResNet50");
    assertThat(w.table())
        .isEqualTo(
            WordTable.of(
                WordIndex.of(e.session().dataset()),
                TermKind.ONE_WORD,
                sets.allWrong(pose, both, ErrorType.CLASS),
                sets.allRight(pose, both, ErrorType.CLASS),
                10));
  }

  @Test
  void shellPrintsTablesAndOneLineErrorsWithTheColumn() {
    QueryEngine e = RealSessions.top();
    String out =
        shell(
            e,
            "images texture and wrong:ViT and right:ResNet50 --count\n"
                + "images texture and wrong:ViT --limit 2 --model ResNet50\n"
                + "confusions texture --model ViT --top 3\n"
                + "words pose --model ViT --top 3\n"
                + "images texture and textur\n"
                + "confusions texture\n"
                + "words pose --model Nope\n"
                + "images texture --limit 2 and pose\n");
    int n =
        ImageSets.of(
                e.session().dataset(), e.session().zoo(), e.session().selection(), ErrorType.CLASS)
            .count("texture and wrong:ViT and right:ResNet50");
    assertThat(out)
        .contains(
            n
                + " of 46110 evaluated images (top factors, class errors): texture and"
                + " wrong:ViT and right:ResNet50")
        .contains("ResNet50_label")
        .contains("rows 1-2 (--offset 2 for more)")
        .contains("true_label")
        .contains("ViT: ")
        .contains("one_word terms over-represented among the mistakes of ViT")
        .contains("error: at 13: unknown factor 'textur' (did you mean texture?)")
        .contains("error: confusions: --model is required")
        .contains("error: unknown model 'Nope'")
        .contains("error: images: the expression goes before the options");
  }

  @Test
  void completionOffersFactorsModelsAndWords() {
    QueryEngine e = RealSessions.top();
    assertThat(ShellCommand.QueryCompleter.candidates(e, List.of("images", ""), 1))
        .contains("texture", "and", "not", "wrong:", "word:", "metaclass:");
    assertThat(ShellCommand.QueryCompleter.candidates(e, List.of("images", "wrong:V"), 1))
        .contains("wrong:ViT", "wrong:DINO");
    assertThat(ShellCommand.QueryCompleter.candidates(e, List.of("words", "word:to"), 1))
        .contains("word:\"top view\"", "word:grass");
    assertThat(ShellCommand.QueryCompleter.candidates(e, List.of("words", "metaclass:"), 1))
        .contains("metaclass:dog");
    assertThat(
            ShellCommand.QueryCompleter.candidates(
                e, List.of("confusions", "pose", "--model", ""), 3))
        .containsExactly("DINO", "ResNet50", "SimCLR", "ViT");
    assertThat(ShellCommand.QueryCompleter.candidates(e, List.of("words", "pose", "--text", ""), 3))
        .containsExactly("one_word", "justification");
    assertThat(ShellCommand.QueryCompleter.candidates(e, List.of("images", "pose", "--"), 2))
        .contains("--model", "--limit", "--count");
  }

  @Test
  void expressionErrorsAreQueryErrors() {
    QueryEngine e = RealSessions.top();
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> e.answer(QueryParser.parse("images (texture")))
        .isInstanceOf(QueryException.class)
        .hasMessageStartingWith("at ");
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> e.answer(QueryParser.parse("images --count")))
        .isInstanceOf(QueryException.class)
        .hasMessageContaining("expression is required");
  }
}
