package org.imagenetx.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.imagenetx.annotations.Dataset;
import org.imagenetx.annotations.FactorSelection;
import org.imagenetx.confusions.ConfusionRow;
import org.imagenetx.confusions.ConfusionTable;
import org.imagenetx.evaluation.ErrorType;
import org.imagenetx.images.ImageSets;
import org.imagenetx.testing.CliRunner;
import org.imagenetx.testing.PlainRelease;
import org.imagenetx.testing.RealData;
import org.imagenetx.zoo.Zoos;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code imagenetx images} on the embedded release and its base models. */
class ImagesCommandTest {
  @TempDir Path tmp;

  @Test
  void countsThenListsTheAcceptanceCase() {
    CliRunner.Result r = CliRunner.run("images", "texture and wrong:ViT and right:ResNet50");
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.err()).isEmpty();
    List<String> lines = r.out().lines().toList();
    assertThat(lines.get(0))
        .isEqualTo(
            "17 of 46110 evaluated images (top factors, class errors): texture and wrong:ViT and"
                + " right:ResNet50; rows 1-17");
    assertThat(lines.get(1))
        .startsWith("row  file_name")
        .contains("ViT_label", "ViT_probability", "ResNet50_correct", "one_word", "justification");
    assertThat(lines).hasSize(2 + 17);
    assertThat(lines.get(2))
        .contains("ILSVRC2012_val_00002871.JPEG", "drumstick", "An image of a drum cake.");
    assertThat(CliRunner.run("images", "texture", "and", "wrong:ViT", "--count").out())
        .isEqualTo("134\n");
  }

  @Test
  void pagesWithLimitAndOffset() {
    CliRunner.Result r =
        CliRunner.run(
            "images",
            "texture and wrong:ViT and right:ResNet50",
            "--limit",
            "5",
            "--offset",
            "15",
            "--format",
            "csv");
    assertThat(r.err())
        .isEqualTo(
            "17 of 46110 evaluated images (top factors, class errors): texture and wrong:ViT and"
                + " right:ResNet50; rows 16-17\n");
    List<String> lines = r.out().lines().toList();
    assertThat(lines).hasSize(3);
    assertThat(lines.get(1)).startsWith("16,");
    CliRunner.Result first = CliRunner.run("images", "texture", "--limit", "2");
    assertThat(first.out().lines().findFirst().orElseThrow())
        .endsWith("; rows 1-2 (--offset 2 for more)");
  }

  /** JSON and CSV carry the annotators' texts exactly, non-ASCII and line breaks included. */
  @ParameterizedTest
  @CsvSource({"json", "csv"})
  void textsRoundTripThroughJsonAndCsv(String format) throws IOException {
    String expr = "justification:consommé or justification:kromfohrländer or word:\"top view\"";
    CliRunner.Result r =
        CliRunner.run("images", expr, "--format", format, "--limit", "100000", "--model", "ViT");
    assertThat(r.exitCode()).as(r.err()).isZero();
    List<Map<String, String>> rows = format.equals("json") ? json(r.out()) : csv(r.out());
    Map<String, PlainRelease.Annotation> multi = PlainRelease.val("multi");
    int nonAscii = 0;
    for (Map<String, String> row : rows) {
      PlainRelease.Annotation a = multi.get(row.get("file_name"));
      assertThat(row.get("justification")).isEqualTo(a.justification());
      assertThat(row.get("one_word")).isEqualTo(a.oneWord());
      if (!a.justification().chars().allMatch(c -> c < 128)) {
        nonAscii++;
      }
    }
    assertThat(rows).hasSizeGreaterThan(1000);
    assertThat(nonAscii).isGreaterThanOrEqualTo(9);
  }

  @Test
  void confusionsEqualTheEngineTable() {
    CliRunner.Result r =
        CliRunner.run(
            "images",
            "texture",
            "--confusions",
            "--model",
            "ViT",
            "--format",
            "csv",
            "--limit",
            "7");
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.err()).startsWith("ViT: 134 class errors in the 282 images of texture");
    Dataset val = RealData.val();
    ImageSets sets =
        ImageSets.of(val, Zoos.base(val.index()), FactorSelection.TOP, ErrorType.CLASS);
    ConfusionTable t =
        ConfusionTable.of(sets, sets.evaluate("texture"), "ViT", ErrorType.CLASS, false);
    List<String> lines = r.out().lines().toList();
    assertThat(lines.get(0))
        .isEqualTo(
            "true_class,true_wnid,true_label,predicted_class,predicted_wnid,predicted_label,count,"
                + "share,overall_count,overall_share,lift");
    assertThat(lines).hasSize(8);
    for (int i = 0; i < 7; i++) {
      ConfusionRow row = t.rows().get(i);
      String[] c = lines.get(i + 1).split(",");
      assertThat(Integer.parseInt(c[0])).isEqualTo(row.trueId());
      assertThat(Integer.parseInt(c[3])).isEqualTo(row.predictedId());
      assertThat(Integer.parseInt(c[6])).isEqualTo(row.count());
      assertThat(Double.parseDouble(c[10])).isEqualTo(row.lift());
    }
    CliRunner.Result folded =
        CliRunner.run("images", "texture", "--confusions", "--metaclass", "--model", "ViT");
    assertThat(folded.out().lines().skip(1).findFirst().orElseThrow())
        .startsWith("true_metaclass  predicted_metaclass");
  }

  @Test
  void wordsOfOneModelAndOfAGroup() {
    CliRunner.Result one =
        CliRunner.run("images", "pose", "--words", "--model", "ViT", "--format", "csv");
    assertThat(one.exitCode()).as(one.err()).isZero();
    assertThat(one.err())
        .startsWith(
            "one_word terms over-represented among the mistakes of ViT (2585 images) against its"
                + " correct answers (12465 images) in pose");
    List<String> lines = one.out().lines().toList();
    assertThat(lines.get(0))
        .isEqualTo("term,mistakes,correct,mistake_share,correct_share,lift,p,q");
    assertThat(lines.get(1)).startsWith("position,95,297,");
    CliRunner.Result group =
        CliRunner.run(
            "images",
            "pose",
            "--words",
            "justification",
            "--model",
            "ViT",
            "--model",
            "ResNet50",
            "--min-support",
            "20");
    assertThat(group.exitCode()).as(group.err()).isZero();
    assertThat(group.out())
        .contains(
            "justification tokens over-represented among the mistakes of all of ViT, ResNet50");
    assertThat(group.out().lines().skip(1).findFirst().orElseThrow()).startsWith("term");
  }

  @Test
  void addsValidatedPathsWithImagenet() throws IOException {
    Path val = Files.createDirectories(tmp.resolve("val"));
    Files.writeString(val.resolve("ILSVRC2012_val_00002871.JPEG"), "jpeg");
    Files.createDirectories(val.resolve("n02093647"));
    Files.writeString(val.resolve("n02093647").resolve("ILSVRC2012_val_00044964.JPEG"), "jpeg");
    CliRunner.Result r =
        CliRunner.run(
            "images",
            "texture and wrong:ViT and right:ResNet50",
            "--imagenet",
            val.toString(),
            "--format",
            "csv",
            "--limit",
            "3");
    assertThat(r.exitCode()).as(r.err()).isZero();
    List<String> lines = r.out().lines().toList();
    assertThat(lines.get(0)).endsWith(",path");
    assertThat(lines.get(1))
        .endsWith("," + val.toRealPath().resolve("ILSVRC2012_val_00002871.JPEG"));
    assertThat(lines.get(2))
        .endsWith(
            "," + val.toRealPath().resolve("n02093647").resolve("ILSVRC2012_val_00044964.JPEG"));
    assertThat(lines.get(3)).endsWith(",");
    CliRunner.Result missing =
        CliRunner.run("images", "texture", "--imagenet", tmp.resolve("nope").toString());
    assertThat(missing.exitCode()).isEqualTo(1);
    assertThat(missing.err()).contains("not a directory");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "texture and wrong:ViT and textur|1|imagenetx: error: expression: at 27: unknown factor"
            + " 'textur' (did you mean texture?)",
        "wrong:VTi|1|imagenetx: error: expression: at 7: unknown model 'VTi' (did you mean ViT?)",
        "word:\"xyzzyq\"|1|imagenetx: error: expression: at 7: no one_word contains 'xyzzyq'",
        "(texture|1|imagenetx: error: expression: at 1: '(' is never closed",
      })
  void badExpressionsAreOneLineWithTheColumn(String expr, int exit, String message) {
    CliRunner.Result r = CliRunner.run("images", expr);
    assertThat(r.exitCode()).isEqualTo(exit);
    assertThat(r.err()).isEqualTo(message + "\n");
    assertThat(r.out()).isEmpty();
  }

  @Test
  void badOptionsAreRefused() {
    CliRunner.Result model = CliRunner.run("images", "texture", "--model", "VTi");
    assertThat(model.exitCode()).isEqualTo(1);
    assertThat(model.err())
        .isEqualTo("imagenetx: error: --model: unknown model 'VTi' (did you mean ViT?)\n");
    assertThat(CliRunner.run("images", "texture", "--confusions").exitCode()).isEqualTo(2);
    assertThat(CliRunner.run("images", "texture", "--count", "--words").exitCode()).isEqualTo(2);
    assertThat(CliRunner.run("images", "texture", "--words", "titles", "--model", "ViT").err())
        .contains("use one_word or justification");
    assertThat(CliRunner.run("images", "texture", "--limit", "-1").exitCode()).isEqualTo(2);
    assertThat(CliRunner.run("images").exitCode()).isEqualTo(2);
  }

  private static List<Map<String, String>> json(String text) throws IOException {
    List<Map<String, String>> rows = new ArrayList<>();
    try (JsonParser p = new JsonFactory().createParser(text)) {
      assertThat(p.nextToken()).isEqualTo(JsonToken.START_ARRAY);
      while (p.nextToken() == JsonToken.START_OBJECT) {
        Map<String, String> row = new HashMap<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
          String k = p.currentName();
          JsonToken t = p.nextToken();
          row.put(k, t == JsonToken.VALUE_NULL ? null : p.getText());
        }
        rows.add(row);
      }
    }
    return rows;
  }

  /** RFC 4180: quoted fields may hold commas, quotes (doubled) and line breaks. */
  private static List<Map<String, String>> csv(String text) {
    List<List<String>> records = new ArrayList<>();
    List<String> record = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    boolean wasQuoted = false;
    for (int i = 0; i < text.length(); i++) {
      char ch = text.charAt(i);
      if (quoted) {
        if (ch == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
          field.append('"');
          i++;
        } else if (ch == '"') {
          quoted = false;
        } else {
          field.append(ch);
        }
      } else if (ch == '"') {
        quoted = true;
        wasQuoted = true;
      } else if (ch == ',' || ch == '\n') {
        record.add(field.length() == 0 && !wasQuoted ? null : field.toString());
        field.setLength(0);
        wasQuoted = false;
        if (ch == '\n') {
          records.add(record);
          record = new ArrayList<>();
        }
      } else {
        field.append(ch);
      }
    }
    List<String> header = records.get(0);
    List<Map<String, String>> rows = new ArrayList<>();
    for (List<String> r : records.subList(1, records.size())) {
      Map<String, String> row = new HashMap<>();
      for (int c = 0; c < header.size(); c++) {
        row.put(header.get(c), r.get(c));
      }
      rows.add(row);
    }
    return rows;
  }
}
