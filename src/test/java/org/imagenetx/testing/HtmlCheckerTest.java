package org.imagenetx.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The validator the page and explorer tests rely on finds what it must, and passes what it may. */
class HtmlCheckerTest {
  private static final String GOOD =
      "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>t</title></head>\n"
          + "<body><h1>h</h1><table><tr><th>a</th></tr><tr><td>1</td></tr></table></body></html>\n";

  @Test
  void aMinimalValidDocumentHasNoProblems() throws Exception {
    assertThat(HtmlChecker.check(GOOD, "good.html")).isEmpty();
  }

  @Test
  void eachKindOfMistakeIsReportedWithItsLine() throws Exception {
    String bad =
        "<!DOCTYPE html>\n<html lang=\"en\"><head><title>t</title></head>\n"
            + "<body>\n"
            + "<p id=\"x\">one</p><p id=\"x\">two</p>\n" // duplicate id
            + "<img src=\"a.png\">\n" // no alt
            + "<table><tr><td>1</td></tr></tabel>\n" // misspelt end tag
            + "<div><span></div>\n" // misnested
            + "</body></html>\n";
    List<String> problems = HtmlChecker.check(bad, "bad.html");
    assertThat(problems)
        .anySatisfy(p -> assertThat(p).startsWith("bad.html:4:").contains("Duplicate ID"))
        .anySatisfy(p -> assertThat(p).startsWith("bad.html:5:").contains("alt"))
        .anySatisfy(p -> assertThat(p).startsWith("bad.html:6:").contains("tabel"))
        .anySatisfy(p -> assertThat(p).startsWith("bad.html:7:").contains("Unclosed element"));
    assertThat(problems).allSatisfy(p -> assertThat(p).matches("bad\\.html:\\d+:\\d+: \\w+: .+"));
  }

  @Test
  void theExplorersStaticPageIsValid() throws Exception {
    String page;
    try (InputStream in =
        HtmlCheckerTest.class.getResourceAsStream("/org/imagenetx/serve/index.html")) {
      assertThat(in).isNotNull();
      page = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    assertThat(HtmlChecker.check(page, "serve/index.html")).isEmpty();
  }
}
