package org.imagenetx.state;

import java.util.Arrays;
import java.util.Map;
import java.util.SplittableRandom;
import org.imagenetx.annotations.Factor;
import org.imagenetx.annotations.FactorSelection;
import org.imagenetx.query.BootstrapIntervals;
import org.imagenetx.query.Intervals;
import org.imagenetx.query.QueryEngine;
import org.imagenetx.query.Session;
import org.imagenetx.resampling.ZooBootstrap;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * A query session over the synthetic zoo of {@link SyntheticZooState} (evaluated once per trial, as
 * {@code imagenetx shell} does at start-up), plus a seeded stream of query arguments so that every
 * invocation asks about a different model, pair or factor: a query repeated on one model would let
 * caches flatter the numbers.
 */
@State(Scope.Benchmark)
public class QuerySessionState {
  /** Models in the zoo. */
  @Param({"4", "200", "2200"})
  public int models;

  /** The engine. */
  public QueryEngine engine;

  /** The same session with the default bootstrap intervals (cached per model after first use). */
  public QueryEngine withIntervals;

  /** Model names, session order. */
  public String[] names;

  private final SplittableRandom rnd = new SplittableRandom(42);

  /** Builds the zoo and evaluates it. */
  @Setup(Level.Trial)
  public void setUp() {
    SyntheticZooState zoo = new SyntheticZooState();
    zoo.models = models;
    zoo.setUp();
    Session s = Session.open(zoo.dataset, zoo.zoo, FactorSelection.TOP, Map.of(), 2);
    engine = new QueryEngine(s, Intervals.NONE);
    withIntervals = new QueryEngine(s, new BootstrapIntervals(ZooBootstrap.Settings.defaults()));
    names = s.models().toArray(new String[0]);
  }

  /**
   * @return a model name drawn from the seeded stream
   */
  public String nextModel() {
    return names[rnd.nextInt(names.length)];
  }

  /**
   * @return a second model different from {@code a}
   */
  public String otherModel(String a) {
    String b = nextModel();
    return b.equals(a) ? names[(Arrays.asList(names).indexOf(a) + 1) % names.length] : b;
  }

  /**
   * @return a factor column drawn from the seeded stream
   */
  public String nextFactor() {
    return Factor.of(rnd.nextInt(Factor.COUNT)).column();
  }
}
