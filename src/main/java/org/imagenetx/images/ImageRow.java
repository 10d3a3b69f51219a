package org.imagenetx.images;

import java.util.List;
import org.imagenetx.annotations.Factor;

/**
 * One image of a listing: what it is, what the annotators said about it, and what the named models
 * predicted.
 *
 * @param position position in the dense image index
 * @param fileName e.g. {@code ILSVRC2012_val_00000293.JPEG}
 * @param classId true class, 0..999
 * @param wnid the true class's WordNet id (empty when unknown)
 * @param label the true class's human label (empty when unknown)
 * @param metaclass the true class's metaclass name
 * @param topFactors the top factor (one, or none when the selection is not loaded)
 * @param multiFactors every factor the annotator selected (empty when not loaded)
 * @param oneWord the annotator's one_word, exactly as written, or null
 * @param justification the annotator's justification, exactly as written, or null
 * @param predictions one per named model, in the order asked
 */
public record ImageRow(
    int position,
    String fileName,
    int classId,
    String wnid,
    String label,
    String metaclass,
    List<Factor> topFactors,
    List<Factor> multiFactors,
    String oneWord,
    String justification,
    List<Prediction> predictions) {
  /**
   * @param position position in the dense image index
   * @param fileName file name
   * @param classId true class
   * @param wnid WordNet id
   * @param label human label
   * @param metaclass metaclass name
   * @param topFactors top factor (copied)
   * @param multiFactors multi factors (copied)
   * @param oneWord one_word or null
   * @param justification justification or null
   * @param predictions predictions (copied)
   */
  public ImageRow {
    topFactors = List.copyOf(topFactors);
    multiFactors = List.copyOf(multiFactors);
    predictions = List.copyOf(predictions);
  }
}
