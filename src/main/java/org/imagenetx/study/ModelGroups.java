package org.imagenetx.study;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.collections.api.list.primitive.MutableIntList;
import org.eclipse.collections.impl.list.mutable.FastList;
import org.eclipse.collections.impl.list.mutable.primitive.IntArrayList;
import org.imagenetx.evaluation.FactorTable;

/**
 * Which models the study compares, and in which group.
 *
 * @param table the models' accuracies (one row per model, no duplicates)
 * @param groupOf model → group name, for every row
 */
public record ModelGroups(FactorTable table, Map<String, String> groupOf) {

  /**
   * The published comparison: every {@code imagenet_testbed} model whose type is one of the four
   * {@link ModelTypes#STUDY_GROUPS}, plus the self-supervised models of {@code modelvshuman}, plus
   * the base models named in the study's self-supervised list ({@link
   * ModelTypes#PUBLISHED_SELF_SUPERVISED_BASE}: {@code DINO}, not {@code SimCLR}), which gives the
   * published group sizes 43 / 83 / 13 / 70. A model present in several tables keeps its first row
   * (testbed first).
   *
   * @param testbed the {@code imagenet_testbed} table
   * @param modelVsHuman the {@code modelvshuman} table (may be null)
   * @param base the base models' table (may be null), e.g. from {@code imagenetx aggregate}
   * @param types model types ({@link ModelTypes#BASE_MODELS} fill gaps for the base models)
   * @return the grouped models
   */
  public static ModelGroups published(
      FactorTable testbed, FactorTable modelVsHuman, FactorTable base, ModelTypes types) {
    return published(testbed, modelVsHuman, base, types, false);
  }

  /**
   * The published comparison, or with {@code includeSimclr} the documented deviation that also
   * counts every self-supervised base model (the base {@code SimCLR}: 14 self-supervised models).
   *
   * @param testbed the {@code imagenet_testbed} table
   * @param modelVsHuman the {@code modelvshuman} table (may be null)
   * @param base the base models' table (may be null)
   * @param types model types ({@link ModelTypes#BASE_MODELS} fill gaps for the base models)
   * @param includeSimclr whether base rows typed self-supervised beyond the study's list count too
   * @return the grouped models
   */
  public static ModelGroups published(
      FactorTable testbed,
      FactorTable modelVsHuman,
      FactorTable base,
      ModelTypes types,
      boolean includeSimclr) {
    ModelTypes withBase = ModelTypes.of(ModelTypes.BASE_MODELS).with(types.asMap());
    List<FactorTable> parts = new ArrayList<>();
    parts.add(keep(testbed, withBase, false, false));
    if (modelVsHuman != null) {
      parts.add(keep(modelVsHuman, withBase, true, false));
    }
    if (base != null) {
      parts.add(keep(base, withBase, true, !includeSimclr));
    }
    FactorTable all = AggregatedTables.union(parts);
    Map<String, String> groupOf = new LinkedHashMap<>();
    for (String m : all.models()) {
      groupOf.put(m, withBase.typeOf(m));
    }
    return new ModelGroups(all, groupOf);
  }

  /**
   * A user's grouping: every row of {@code table} whose model has a type, grouped by it.
   *
   * @param table the models' accuracies (e.g. the union of the user's tables)
   * @param types model → group, e.g. a user's {@code model,group} CSV
   * @return the typed rows; models without a type are left out
   */
  public static ModelGroups fromTypes(FactorTable table, ModelTypes types) {
    MutableIntList rows = new IntArrayList();
    for (int r = 0; r < table.size(); r++) {
      if (types.typeOf(table.models().get(r)) != null) {
        rows.add(r);
      }
    }
    FactorTable kept = table.select(rows.toArray());
    Map<String, String> groupOf = new LinkedHashMap<>();
    for (String m : kept.models()) {
      groupOf.put(m, types.typeOf(m));
    }
    return new ModelGroups(kept, groupOf);
  }

  /**
   * @return the distinct group names in order of first appearance in the table
   */
  public List<String> groupNames() {
    return List.copyOf(FastList.newList(groupOf.values()).distinct());
  }

  /**
   * Groups by architecture family instead.
   *
   * @param table models
   * @param overrides model → family overrides
   * @return every row, grouped by {@link ArchitectureFamily#key()}
   */
  public static ModelGroups byFamily(FactorTable table, Map<String, ArchitectureFamily> overrides) {
    Map<String, String> groupOf = new LinkedHashMap<>();
    for (String m : table.models()) {
      groupOf.put(m, ArchitectureFamily.of(m, overrides).key());
    }
    return new ModelGroups(table, groupOf);
  }

  private static FactorTable keep(
      FactorTable t, ModelTypes types, boolean selfSupervisedOnly, boolean publishedBaseOnly) {
    MutableIntList rows = new IntArrayList();
    for (int r = 0; r < t.size(); r++) {
      String name = t.models().get(r);
      String type = types.typeOf(name);
      boolean ok =
          selfSupervisedOnly
              ? ModelTypes.SELF_SUPERVISED.equals(type)
              : type != null && ModelTypes.STUDY_GROUPS.contains(type);
      if (publishedBaseOnly) {
        ok = ModelTypes.PUBLISHED_SELF_SUPERVISED_BASE.contains(name);
      }
      if (ok) {
        rows.add(r);
      }
    }
    return t.select(rows.toArray());
  }
}
