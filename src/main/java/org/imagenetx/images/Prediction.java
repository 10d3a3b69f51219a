package org.imagenetx.images;

/**
 * One model's prediction for one image of a listing.
 *
 * @param model model name
 * @param classId predicted class, or -1 when the model has no prediction for the image
 * @param label the predicted class's human label (empty when unknown or missing)
 * @param probability the predicted probability, NaN when the zoo has none
 * @param correct true when the prediction is correct under the listing's error type
 */
public record Prediction(
    String model, int classId, String label, double probability, boolean correct) {}
