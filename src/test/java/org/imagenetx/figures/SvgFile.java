package org.imagenetx.figures;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

/** Test helper: parses a written SVG as XML and collects its text elements; decodes PNGs. */
final class SvgFile {
  final Document doc;
  final List<String> texts = new ArrayList<>();

  private SvgFile(Document doc) {
    this.doc = doc;
    NodeList nodes = doc.getElementsByTagName("text");
    for (int i = 0; i < nodes.getLength(); i++) {
      texts.add(nodes.item(i).getTextContent().trim());
    }
  }

  static SvgFile parse(String svg) throws Exception {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setNamespaceAware(true);
    // the SVG 1.1 DOCTYPE names an external DTD: never fetch it (the machine may be offline)
    f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
    f.setExpandEntityReferences(false);
    return new SvgFile(
        f.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes("UTF-8"))));
  }

  static SvgFile parse(Path svg) throws Exception {
    return parse(Files.readString(svg));
  }

  /**
   * @return how many text elements equal {@code s} exactly
   */
  long count(String s) {
    return texts.stream().filter(s::equals).count();
  }

  /** Asserts the figure's axis titles and legend entries are all drawn as text. */
  void assertLabelsOf(Figure figure) {
    assertThat(doc.getDocumentElement().getLocalName()).isEqualTo("svg");
    for (Panel p : figure.panels()) {
      for (String axis : p.axisTitles()) {
        assertThat(texts).as("axis title of %s", figure.name()).contains(axis);
      }
    }
    for (String name : seriesNames(figure.panels().get(0))) {
      assertThat(texts).as("legend entry of %s", figure.name()).contains(name);
    }
  }

  static List<String> seriesNames(Panel p) {
    List<String> names = new ArrayList<>();
    if (p.numSeries() < 2) {
      return names;
    }
    if (p instanceof BarSpec b) {
      b.series().forEach(s -> names.add(s.name()));
    } else if (p instanceof ScatterSpec s) {
      s.series().forEach(x -> names.add(x.name()));
    }
    return names;
  }

  static BufferedImage png(Path png) throws IOException {
    BufferedImage img = ImageIO.read(png.toFile());
    assertThat(img).as("%s decodes", png).isNotNull();
    return img;
  }
}
