package org.imagenetx.annotations;

import java.util.Objects;
import java.util.function.Function;

/**
 * A key naming a structure derived from a {@link Dataset} (count plans, correctness tables, the
 * pairwise cell order, …) and how to build it. {@link Dataset#derived} builds it once, lazily, and
 * keeps it for as long as the dataset lives, so derived structures need no static caches and go
 * away with their dataset. Keys are compared by identity: declare each as a {@code static final}
 * constant of the class that owns the structure.
 *
 * <pre>{@code
 * private static final Derived<TypeWords> KEY = Derived.of("type words", TypeWords::build);
 * TypeWords words = dataset.derived(KEY);
 * }</pre>
 *
 * @param <T> the derived structure, immutable (it is shared by every thread)
 */
public final class Derived<T> {
  private final String name;
  private final Function<Dataset, T> factory;

  private Derived(String name, Function<Dataset, T> factory) {
    this.name = Objects.requireNonNull(name);
    this.factory = Objects.requireNonNull(factory);
  }

  /**
   * @param name what is derived, for messages
   * @param factory builds it from a dataset (may itself ask the dataset for other derived
   *     structures)
   * @param <T> its type
   * @return the key
   */
  public static <T> Derived<T> of(String name, Function<Dataset, T> factory) {
    return new Derived<>(name, factory);
  }

  T build(Dataset dataset) {
    return factory.apply(dataset);
  }

  @Override
  public String toString() {
    return name;
  }
}
