package org.imagenetx.query;

import java.util.List;
import java.util.Map;
import org.imagenetx.annotations.FactorSelection;
import org.imagenetx.testing.RealData;
import org.imagenetx.zoo.Zoos;

/** Sessions over the release's four real base models, shared by tests (evaluated once). */
public final class RealSessions {
  /** The release README's grouping of the base models. */
  public static final Map<String, List<String>> GROUPS =
      Map.of(
          "Self-supervised", List.of("DINO", "SimCLR"),
          "Supervised on ImageNet-1K", List.of("ResNet50", "ViT"));

  private static volatile QueryEngine top;

  private RealSessions() {}

  /**
   * @return an engine over the base zoo, top factors, point estimates (do not add models to it)
   */
  public static QueryEngine top() {
    QueryEngine e = top;
    if (e == null) {
      synchronized (RealSessions.class) {
        e = top;
        if (e == null) {
          e = top = fresh(FactorSelection.TOP);
        }
      }
    }
    return e;
  }

  /**
   * @param selection factor selection
   * @return a new engine over the base zoo (tests that add models use their own)
   */
  public static QueryEngine fresh(FactorSelection selection) {
    var ds = RealData.val();
    Session s = Session.open(ds, Zoos.open(RealData.baseZoo(), ds.index()), selection, GROUPS, 2);
    return new QueryEngine(s, Intervals.NONE);
  }
}
