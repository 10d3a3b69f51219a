package org.imagenetx.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.imagenetx.annotations.FactorSelection;
import org.imagenetx.io.Resources;
import org.imagenetx.query.BootstrapIntervals;
import org.imagenetx.query.Intervals;
import org.imagenetx.query.Query;
import org.imagenetx.query.QueryEngine;
import org.imagenetx.query.QueryParser;
import org.imagenetx.query.Session;
import org.imagenetx.report.QueryTables;
import org.imagenetx.resampling.ZooBootstrap;
import org.imagenetx.synth.SyntheticZoo;
import org.imagenetx.zoo.ModelGroupCsv;
import org.imagenetx.zoo.Zoo;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code imagenetx query}: answers queries of the shell's language without a prompt. */
@Command(
    name = "query",
    mixinStandardHelpOptions = true,
    description = {
      "Answer one or more queries over a zoo, in order, in one session (so 'add' then 'rank' works):",
      "  imagenetx query --zoo <store> \"rank --by smaller --top 10\"",
      "Queries: rank, show, similar, compare, add, groups, models, help (see: imagenetx query help)."
    })
final class QueryCommand implements Callable<Integer> {
  /** Options every session front end shares (query, shell, serve). */
  static final class SessionOptions {
    @Mixin DataOptions data;

    @Mixin SelectionOption factors;

    @Option(names = "--groups", paramLabel = "<csv>", description = DataHelp.GROUPS)
    Path groups;

    @Option(
        names = "--synthetic-models",
        paramLabel = "N",
        description =
            "With the synthetic default: generate N models instead of 4 (e.g. 2200 for the reference load).")
    Integer syntheticModels;

    @Mixin BootstrapOptions bootstrap;

    @Option(
        names = "--no-intervals",
        description =
            "Point estimates only: no bootstrap intervals in rank and show (compare keeps its paired intervals).")
    boolean noIntervals;

    /**
     * Loads the data and evaluates every model once.
     *
     * @param err where the synthetic banner and warnings go
     * @return the engine
     */
    QueryEngine open(CommandSpec spec, PrintWriter err) {
      FactorSelection selection = factors.selection(spec);
      // ReaL labels are read whenever present; without them the session simply offers no real_class
      // both selections: image listings show top and multi factors, expressions may name either
      DataOptions.Loaded loaded =
          data.load(EnumSet.of(FactorSelection.TOP, FactorSelection.MULTI), false);
      String banner = DataOptions.syntheticBanner(loaded);
      if (banner != null) {
        err.println(banner);
      }
      if (loaded.zoos().size() != 1) {
        throw new ParameterException(
            spec.commandLine(),
            "a session reads one zoo; got " + loaded.zoos().size() + " --zoo options");
      }
      Zoo zoo = loaded.zoos().get(0);
      if (syntheticModels != null) {
        if (!loaded.synthetic()) {
          throw new ParameterException(
              spec.commandLine(), "--synthetic-models needs the synthetic default (no --zoo)");
        }
        if (syntheticModels < 2) {
          throw new ParameterException(spec.commandLine(), "--synthetic-models must be at least 2");
        }
        int images = loaded.dataset().index().size();
        // the generator holds every model's classes and probabilities (6 bytes an image)
        Resources.requireHeap(
            "--synthetic-models",
            String.format(Locale.ROOT, "%,d models x %,d images", syntheticModels, images),
            Resources.times((long) syntheticModels * images, Short.BYTES + Float.BYTES));
        zoo = SyntheticZoo.generate(loaded.dataset(), syntheticModels, data.seed);
      }
      ZooBootstrap.Settings settings = bootstrap.settings(spec);
      Map<String, List<String>> g =
          groups == null ? Map.of() : ModelGroupCsv.membersByGroup(ModelGroupCsv.read(groups));
      Session session = Session.open(loaded.dataset(), zoo, selection, g, data.threads());
      // intervals by default, as ratios --ci computes them, one model at a time on first use
      Intervals intervals =
          noIntervals ? Intervals.pointsOnly(settings) : new BootstrapIntervals(settings);
      return new QueryEngine(session, intervals);
    }
  }

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Mixin SessionOptions session;

  @Mixin OutputOptions output;

  @Parameters(
      arity = "1..*",
      paramLabel = "<query>",
      description = "Queries, each one quoted argument.")
  List<String> queries;

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    // parse everything first: a typo in the last query fails before the zoo is loaded
    List<Query> parsed = new ArrayList<>();
    for (String q : queries) {
      parsed.add(QueryParser.parse(q));
    }
    QueryEngine engine = session.open(spec, err);
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < parsed.size(); i++) {
      if (i > 0) {
        text.append('\n');
      }
      text.append(
          QueryTables.render(
              engine.answer(parsed.get(i)), output.format(output.toFile()), output.decimals, 0));
    }
    output.write(spec, text.toString());
    return 0;
  }
}
