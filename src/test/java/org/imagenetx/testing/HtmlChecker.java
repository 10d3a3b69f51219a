package org.imagenetx.testing;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import nu.validator.validation.SimpleDocumentValidator;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXParseException;

/**
 * The Nu HTML checker (the engine behind validator.w3.org/nu and {@code vnu.jar}) run in process,
 * offline: its schemas ship inside its jar. An HTML document is checked against the HTML living
 * standard with every checker the command-line {@code vnu} runs (schema, assertions, tables,
 * language detection off). Errors and warnings are both returned: a page we publish should have
 * neither.
 */
public final class HtmlChecker {
  private static final String SCHEMA = "http://s.validator.nu/html5-all.rnc";

  private HtmlChecker() {}

  /**
   * Checks one HTML document.
   *
   * @param html the document text, {@code <!DOCTYPE html>} included
   * @param name what to call the document in the messages
   * @return one line per problem, {@code name:line:column: error|warning: message}; empty if valid
   */
  public static synchronized List<String> check(String html, String name) throws Exception {
    List<String> problems = new ArrayList<>();
    ErrorHandler collect =
        new ErrorHandler() {
          @Override
          public void warning(SAXParseException e) {
            problems.add(line(name, "warning", e));
          }

          @Override
          public void error(SAXParseException e) {
            problems.add(line(name, "error", e));
          }

          @Override
          public void fatalError(SAXParseException e) {
            problems.add(line(name, "fatal", e));
          }
        };
    // no log4j set-up (it would configure a console appender), no URL logging, no language guess:
    // the guess warns on pages that are mostly numbers
    SimpleDocumentValidator v = new SimpleDocumentValidator(false, false, false);
    v.setUpMainSchema(SCHEMA, collect);
    v.setUpValidatorAndParsers(collect, true, false);
    InputSource in =
        new InputSource(new ByteArrayInputStream(html.getBytes(StandardCharsets.UTF_8)));
    in.setEncoding("UTF-8");
    in.setSystemId(name);
    v.checkHtmlInputSource(in);
    return problems;
  }

  private static String line(String name, String kind, SAXParseException e) {
    return name
        + ":"
        + e.getLineNumber()
        + ":"
        + e.getColumnNumber()
        + ": "
        + kind
        + ": "
        + e.getMessage().replaceAll("\\s+", " ");
  }
}
