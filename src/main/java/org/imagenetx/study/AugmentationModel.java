package org.imagenetx.study;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The hyper-parameters spelled in an augmentation-sweep model name, e.g. {@code
 * eval_resnet50_crop0.2_wd0.0001_id1660252539} → architecture {@code resnet50}, {@code crop = 0.2},
 * {@code wd = 1e-4}, id {@code 1660252539}.
 *
 * <p>Grammar: an optional {@code eval_} prefix, the architecture token, then {@code _}-separated
 * tokens {@code <letters><number>} (the number in Java/Python float syntax, e.g. {@code 1e-05}),
 * the last of which may be {@code id<digits>}.
 *
 * @param model the full name
 * @param architecture the token after {@code eval_}
 * @param params every {@code <letters><number>} token except the id, in name order
 * @param id the run id, or -1 when the name has none
 */
public record AugmentationModel(
    String model, String architecture, Map<String, Double> params, long id) {
  private static final Pattern PARAM =
      Pattern.compile("([a-z]+)([-+]?(?:\\d+\\.?\\d*|\\.\\d+)(?:[eE][-+]?\\d+)?)");
  private static final Pattern ID = Pattern.compile("id(\\d+)");

  /**
   * @param model a sweep model name
   * @return its parsed hyper-parameters
   * @throws IllegalArgumentException saying which token does not fit the grammar
   */
  public static AugmentationModel parse(String model) {
    String rest = model.startsWith("eval_") ? model.substring(5) : model;
    String[] tokens = rest.split("_", -1);
    if (tokens.length < 2 || tokens[0].isEmpty()) {
      throw new IllegalArgumentException(
          "model name '" + model + "' is not eval_<arch>_<param><value>_..._id<digits>");
    }
    Map<String, Double> params = new LinkedHashMap<>();
    long id = -1;
    for (int i = 1; i < tokens.length; i++) {
      Matcher idm = ID.matcher(tokens[i]);
      if (i == tokens.length - 1 && idm.matches()) {
        id = Long.parseLong(idm.group(1));
        continue;
      }
      Matcher m = PARAM.matcher(tokens[i]);
      if (!m.matches() || m.group(1).equals("id")) {
        throw new IllegalArgumentException(
            "model name '"
                + model
                + "': token '"
                + tokens[i]
                + "' is not <name><number>"
                + " (an id<digits> token must come last)");
      }
      if (params.put(m.group(1), Double.parseDouble(m.group(2))) != null) {
        throw new IllegalArgumentException(
            "model name '" + model + "': " + m.group(1) + " given twice");
      }
    }
    return new AugmentationModel(model, tokens[0], Collections.unmodifiableMap(params), id);
  }

  /**
   * @param name a parameter name such as {@code crop}
   * @return its value, NaN when the name does not carry it
   */
  public double param(String name) {
    Double v = params.get(name);
    return v == null ? Double.NaN : v;
  }
}
