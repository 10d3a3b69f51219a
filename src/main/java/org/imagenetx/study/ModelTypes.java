package org.imagenetx.study;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.imagenetx.io.BadInputException;
import org.imagenetx.zoo.ModelGroupCsv;

/**
 * Model → group assignments read from a two-column CSV {@code model,<group column>} (the upstream
 * {@code model_types.csv} has {@code model,model_type}; a user's file may say {@code model,group}).
 * The header's second name is free; model names are matched exactly.
 */
public final class ModelTypes {
  /** Supervised on ImageNet-21k, JFT, Instagram, …, then (usually) fine-tuned on ImageNet-1K. */
  public static final String MORE_DATA = "Supervised on more data";

  /** Supervised on ImageNet-1K only. */
  public static final String SUPERVISED = "Supervised on ImageNet-1K";

  /** Self-supervised pre-training (then a linear probe or fine-tuning). */
  public static final String SELF_SUPERVISED = "Self-supervised";

  /** Trained with a robustness intervention (special augmentation, stylized data, …). */
  public static final String ROBUSTNESS = "Robustness intervention";

  /** The four groups of the study's comparison figure, in its order. */
  public static final List<String> STUDY_GROUPS =
      List.of(MORE_DATA, SUPERVISED, SELF_SUPERVISED, ROBUSTNESS);

  /**
   * Types of the four base models shipped with ImageNet-X ({@code model_predictions/base}), as the
   * they are typed. {@code model_types.csv} lists DINO only; these fill the gaps. The published
   * comparison counts only {@link #PUBLISHED_SELF_SUPERVISED_BASE} of them.
   */
  public static final Map<String, String> BASE_MODELS =
      Map.of(
          "DINO", SELF_SUPERVISED,
          "SimCLR", SELF_SUPERVISED,
          "ResNet50", SUPERVISED,
          "ViT", SUPERVISED);

  /**
   * The base models the published comparison adds to {@link #SELF_SUPERVISED}: the upstream code
   * adds a base row only when its name is in its self-supervised list, which names {@code DINO} and
   * not {@code SimCLR}.
   */
  public static final Set<String> PUBLISHED_SELF_SUPERVISED_BASE = Set.of("DINO");

  private final Map<String, String> typeOf;

  private ModelTypes(Map<String, String> typeOf) {
    this.typeOf = Collections.unmodifiableMap(typeOf);
  }

  /**
   * @param typeOf model → type
   * @return the assignment (copied, iteration order kept)
   */
  public static ModelTypes of(Map<String, String> typeOf) {
    return new ModelTypes(new LinkedHashMap<>(typeOf));
  }

  /**
   * @param file CSV with a header and two columns, model and type, read by the one model-group
   *     reader ({@link ModelGroupCsv#read}, whose rules and messages apply)
   * @return the assignment
   * @throws BadInputException naming file and line for a missing file, a row without two cells, an
   *     empty name or type, or a model listed twice with different types
   */
  public static ModelTypes read(Path file) {
    return new ModelTypes(ModelGroupCsv.read(file));
  }

  /**
   * @param model a model name
   * @return its type, or null when unknown
   */
  public String typeOf(String model) {
    return typeOf.get(model);
  }

  /**
   * @return model → type, in file order
   */
  public Map<String, String> asMap() {
    return typeOf;
  }

  /**
   * @param more assignments that win over this one's
   * @return the merged assignment
   */
  public ModelTypes with(Map<String, String> more) {
    Map<String, String> m = new LinkedHashMap<>(typeOf);
    m.putAll(more);
    return new ModelTypes(m);
  }
}
