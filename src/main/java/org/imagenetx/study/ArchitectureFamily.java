package org.imagenetx.study;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.imagenetx.io.BadInputException;

/**
 * Architecture family of a model, from its name by a fixed rule (overridable per model).
 *
 * <p>The rule, applied to the lower-cased name, first match wins:
 *
 * <ol>
 *   <li>{@link #OTHER} when the name says it is not a neural network: {@code random forest}, {@code
 *       nearest neighbo}, {@code linear classifier on pixels}, {@code random features}, or an
 *       all-MLP model ({@code mixer}, {@code resmlp}, {@code gmlp});
 *   <li>{@link #TRANSFORMER} when it contains {@code vit}, {@code deit}, {@code swin}, {@code
 *       beit}, {@code cait}, {@code convit}, {@code levit}, {@code pit_}, {@code tnt_}, {@code
 *       xcit}, {@code twins}, {@code crossvit}, {@code transformer} or {@code dino} (DINO's
 *       released flagship is a ViT; name a DINO ResNet in the override file);
 *   <li>{@link #CNN} when it contains a convolutional family name: {@code resne}, {@code alexnet},
 *       {@code vgg}, {@code densenet}, {@code inception}, {@code googlenet}, {@code mobilenet},
 *       {@code efficientnet}, {@code squeezenet}, {@code shufflenet}, {@code mnasnet}, {@code dpn},
 *       {@code senet}, {@code se_}, {@code regnet}, {@code bit-}, {@code bitm}, {@code xception},
 *       {@code nasnet}, {@code polynet}, {@code hrnet}, {@code darknet}, {@code fbnet}, {@code
 *       ghostnet}, {@code rexnet}, {@code dla}, {@code convnext}, {@code vovnet}, {@code cspnet},
 *       {@code simclr}, {@code moco}, {@code insdis}, {@code infomin}, {@code pirl}, {@code
 *       bagnet}, {@code wrn}, {@code rn50}, {@code clip}, {@code swsl}, {@code ssl} or {@code
 *       noisy} — the self-supervised and semi-supervised baselines of these zoos are ResNets;
 *   <li>{@link #OTHER} otherwise.
 * </ol>
 */
public enum ArchitectureFamily {
  /** Convolutional networks. */
  CNN,
  /** Vision transformers and their hybrids. */
  TRANSFORMER,
  /** Anything else: MLP-only models, non-neural baselines, unknown names. */
  OTHER;

  private static final List<String> NOT_NEURAL =
      List.of(
          "random forest",
          "nearest neighbo",
          "linear classifier on pixels",
          "random features",
          "mixer",
          "resmlp",
          "gmlp");
  private static final Pattern TRANSFORMER_NAMES =
      Pattern.compile(
          "vit|deit|swin|beit|cait|convit|levit|pit_|tnt_|xcit|twins|crossvit|transformer|dino");
  private static final Pattern CNN_NAMES =
      Pattern.compile(
          "resne|alexnet|vgg|densenet|inception|googlenet|mobilenet|efficientnet|squeezenet|shufflenet"
              + "|mnasnet|dpn|senet|se_|regnet|bit-|bitm|xception|nasnet|polynet|hrnet|darknet|fbnet"
              + "|ghostnet|rexnet|dla|convnext|vovnet|cspnet|simclr|moco|insdis|infomin|pirl|bagnet"
              + "|wrn|rn50|clip|swsl|ssl|noisy|selecsls");

  /**
   * @return the label used in tables, e.g. {@code transformer}
   */
  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * @param model a model name
   * @return its family by the rule in the class comment
   */
  public static ArchitectureFamily ofName(String model) {
    String n = model.toLowerCase(Locale.ROOT).replace('_', ' ').replace("  ", " ");
    String raw = model.toLowerCase(Locale.ROOT);
    for (String s : NOT_NEURAL) {
      if (n.contains(s) || raw.contains(s)) {
        return OTHER;
      }
    }
    if (TRANSFORMER_NAMES.matcher(raw).find()) {
      return TRANSFORMER;
    }
    if (CNN_NAMES.matcher(raw).find()) {
      return CNN;
    }
    return OTHER;
  }

  /**
   * @param model a model name
   * @param overrides model → family from the user's override file (see {@link #parse})
   * @return the override when present, else the rule's family
   */
  public static ArchitectureFamily of(String model, Map<String, ArchitectureFamily> overrides) {
    ArchitectureFamily f = overrides.get(model);
    return f != null ? f : ofName(model);
  }

  /**
   * @param text {@code cnn}, {@code transformer} or {@code other} (case-insensitive)
   * @return the family
   * @throws IllegalArgumentException listing the valid names
   */
  public static ArchitectureFamily parse(String text) {
    String k = text.strip().toUpperCase(Locale.ROOT);
    for (ArchitectureFamily f : values()) {
      if (f.name().equals(k)) {
        return f;
      }
    }
    throw new IllegalArgumentException(
        "unknown architecture family '" + text + "' (cnn, transformer, other)");
  }

  /**
   * Reads an override file: a header, then {@code model,family} rows ({@code cnn}, {@code
   * transformer} or {@code other}).
   *
   * @param file the CSV
   * @return model → family
   * @throws BadInputException naming file and line for a malformed row or an unknown family
   */
  public static Map<String, ArchitectureFamily> readOverrides(Path file) {
    String name = file.toString();
    Map<String, ArchitectureFamily> map = new LinkedHashMap<>();
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String line = in.readLine();
      long lineNo = 1;
      if (line == null) {
        throw new BadInputException(name, 1, "empty file (expected the header model,family)");
      }
      while ((line = in.readLine()) != null) {
        lineNo++;
        if (line.isBlank()) {
          continue;
        }
        String[] cells = line.split(",", -1);
        if (cells.length != 2 || cells[0].isBlank()) {
          throw new BadInputException(name, lineNo, "expected model,family");
        }
        try {
          map.put(cells[0].strip(), parse(cells[1]));
        } catch (IllegalArgumentException e) {
          throw new BadInputException(name, lineNo, e.getMessage());
        }
      }
    } catch (NoSuchFileException e) {
      throw new BadInputException(name, 0, "no such file");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + name + ": " + e.getMessage(), e);
    }
    return map;
  }
}
