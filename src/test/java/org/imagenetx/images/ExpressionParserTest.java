package org.imagenetx.images;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.imagenetx.annotations.Dataset;
import org.imagenetx.annotations.Factor;
import org.imagenetx.annotations.FactorSelection;
import org.imagenetx.evaluation.ErrorType;
import org.imagenetx.testing.RealData;
import org.imagenetx.zoo.Zoos;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The expression language: precedence, canonical text, name resolution, and one-line errors with
 * the column of the offending token, on the real release and its base models.
 */
class ExpressionParserTest {
  static ImageSets sets;

  @BeforeAll
  static void open() {
    Dataset val = RealData.val();
    sets = ImageSets.of(val, Zoos.base(val.index()), FactorSelection.TOP, ErrorType.CLASS);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "texture|texture",
        "TEXTURE and Pose|texture and pose",
        "partial-view|partial_view",
        "multi:texture or top:pose|multi:texture or top:pose",
        "not texture and pose|not texture and pose",
        "not (texture and pose)|not (texture and pose)",
        "texture or pose and color|texture or pose and color",
        "(texture or pose) and color|(texture or pose) and color",
        "not not all|not not all",
        "class:tench|class:0",
        "class:'great white shark'|class:2",
        "class:n01440764|class:0",
        "wnid:N01440764|class:0",
        "class:999|class:999",
        "metaclass:Dog|metaclass:dog",
        "metaclass:'natural object'|metaclass:natural_object",
        "real:AGREES|real:agrees",
        "wrong:vit|wrong:ViT",
        "right:ResNet50@metaclass|right:ResNet50@metaclass",
        "wrong:\"ViT\"@real_class|wrong:ViT@real_class",
        "word:\"Top  View\"|word:\"top view\"",
        "justification:'Sepia, image'|justification:\"sepia image\"",
        "((texture))|texture",
      })
  void canonicalText(String text, String canonical) {
    ImageExpression e = sets.parse(text);
    assertThat(e.toString()).isEqualTo(canonical);
    assertThat(sets.parse(canonical).toString()).isEqualTo(canonical);
    assertThat(sets.evaluate(canonical).images()).isEqualTo(sets.evaluate(text).images());
  }

  /** Found by fuzzing: a newline in a quoted word reached the message, which is one line. */
  @Test
  void typedControlCharactersAreEscapedInTheMessage() {
    assertThatThrownBy(() -> sets.evaluate("word:'zzq\nview'"))
        .isInstanceOf(ExpressionException.class)
        .hasMessageNotContaining("\n")
        .hasMessageContaining("\\x0a");
  }

  @Test
  void precedenceIsNotThenAndThenOr() {
    ImageExpression e = sets.parse("texture or not pose and color");
    assertThat(e).isInstanceOf(ImageExpression.Or.class);
    ImageExpression.Or or = (ImageExpression.Or) e;
    assertThat(or.left()).isEqualTo(new ImageExpression.HasFactor(Factor.TEXTURE, null, 1));
    ImageExpression.And and = (ImageExpression.And) or.right();
    assertThat(and.left()).isInstanceOf(ImageExpression.Not.class);
    assertThat(and.left().column()).isEqualTo(12);
    assertThat(and.right()).isEqualTo(new ImageExpression.HasFactor(Factor.COLOR, null, 25));
    ImageExpression.Model m = (ImageExpression.Model) sets.parse("wrong:ViT@metaclass");
    assertThat(m).isEqualTo(new ImageExpression.Model("ViT", true, ErrorType.METACLASS, 1));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "''|at 1: empty expression (e.g. texture and not pose and wrong:ViT)",
        "textur|at 1: unknown factor 'textur' (did you mean texture?)",
        "texture and wrong:ViT and textur|at 27: unknown factor 'textur' (did you mean texture?)",
        "xyz|at 1: unknown factor 'xyz' (factors: pose, background, pattern, color, smaller, shape,"
            + " partial_view, subcategory, texture, larger, darker, object_blocking, person_blocking,"
            + " style, brighter, multiple_objects)",
        "ViT|at 1: unknown factor 'ViT' (did you mean wrong:ViT or right:ViT?)",
        "dog|at 1: unknown factor 'dog' (did you mean metaclass:dog?)",
        "tench|at 1: unknown factor 'tench' (did you mean class:tench?)",
        "wrong|at 1: unknown factor 'wrong' (did you mean wrong:<value>?)",
        "texture and|at 9: expected an image set after 'and'",
        "texture and or pose|at 13: expected an image set after 'and'",
        "and pose|at 1: expected an image set before 'and'",
        "not|at 1: expected an image set after 'not'",
        "texture pose|at 9: expected 'and', 'or' or the end, found 'pose'",
        "(texture|at 1: '(' is never closed",
        "texture)|at 8: ')' without a matching '('",
        "(texture pose)|at 10: expected 'and', 'or' or ')', found 'pose'",
        "()|at 2: empty parentheses",
        "wrng:ViT|at 1: unknown prefix 'wrng:' (did you mean wrong:?)",
        "wrong:VTi|at 7: unknown model 'VTi' (did you mean ViT?)",
        "wrong:|at 7: 'wrong:' needs a value (a model name, e.g. wrong:ViT)",
        "wrong:ViT@meta|at 11: unknown error type 'meta' (use class, metaclass or real_class)",
        "texture and right:DINO@clas|at 24: unknown error type 'clas' (use class, metaclass or"
            + " real_class)",
        "class:tenc|at 7: unknown class 'tenc' (did you mean tench?)",
        "class:crane|at 7: class label 'crane' is ambiguous: class:134 (n02012849) or class:517"
            + " (n03126707)",
        "class:1000|at 7: class id 1000 outside 0..999",
        "wnid:n99999999|at 6: unknown WordNet id 'n99999999' (not an ImageNet-1k class)",
        "wnid:tench|at 6: unknown WordNet id 'tench' (WordNet ids look like n01440764)",
        "metaclass:dogs|at 11: unknown metaclass 'dogs' (did you mean dog?)",
        "real:agree|at 6: unknown ReaL relation 'agree' (did you mean agrees?)",
        "word:xyzzyq|at 6: no one_word contains 'xyzzyq'",
        "word:'top veiw'|at 7: no one_word contains 'top veiw' (did you mean top view?)",
        "justification:'...'|at 16: '...' has no word to look for in justification",
        "word:'top view|at 6: unclosed quote '",
        "\"top view\"|at 1: a quote may only open a value right after a prefix, e.g."
            + " word:\"top view\" or class:\"potter's wheel\"",
        "word:\"top view\"x|at 16: unexpected 'x' after the quoted value",
        "class:tench@class|at 12: '@class' applies to wrong: and right: only",
      })
  void errorsNameTheColumn(String text, String message) {
    assertThatThrownBy(() -> sets.parse(text))
        .isInstanceOf(ExpressionException.class)
        .hasMessage(message);
  }

  @Test
  void theColumnIsAlsoAField() {
    ExpressionException e =
        org.junit.jupiter.api.Assertions.assertThrows(
            ExpressionException.class, () -> sets.parse("pose or textur"));
    assertThat(e.column()).isEqualTo(9);
    assertThat(e.problem()).startsWith("unknown factor 'textur'");
  }
}
