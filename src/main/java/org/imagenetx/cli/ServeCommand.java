package org.imagenetx.cli;

import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.imagenetx.images.ImageFiles;
import org.imagenetx.query.QueryEngine;
import org.imagenetx.serve.ExplorerServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code imagenetx serve}: the local explorer page over a zoo loaded once. */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = {
      "Serve a local explorer page (heatmap, model, comparison and group views; JSON API under /api/).",
      "Read-only, offline (no external scripts or fonts), bound to 127.0.0.1 unless --bind says otherwise.",
      "Stop with Ctrl-C."
    })
final class ServeCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Mixin QueryCommand.SessionOptions session;

  @Option(
      names = "--port",
      defaultValue = "8080",
      description = "Port, 0 for any free one (default: ${DEFAULT-VALUE}).")
  int port;

  @Option(
      names = "--bind",
      defaultValue = "127.0.0.1",
      description =
          "Address to listen on (default: ${DEFAULT-VALUE}; anything else exposes the zoo to the network).")
  String bind;

  @Option(
      names = "--http-threads",
      defaultValue = "" + ExplorerServer.DEFAULT_REQUEST_THREADS,
      description =
          "Connections served at once: request threads reading requests and writing answers (default:"
              + " ${DEFAULT-VALUE}); answers are computed one per core at a time, first come, first"
              + " served, and a request not sent within 5 s is cut off.")
  int httpThreads;

  @Option(names = "--imagenet", paramLabel = "<dir>", description = DataHelp.IMAGENET)
  Path imagenet;

  @Override
  public Integer call() throws InterruptedException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (port < 0 || port > 65535) {
      throw new ParameterException(spec.commandLine(), "--port must be in 0..65535, got " + port);
    }
    if (httpThreads < 1 || httpThreads > 4096) {
      throw new ParameterException(
          spec.commandLine(), "--http-threads must be in 1..4096, got " + httpThreads);
    }
    InetAddress address;
    try {
      address = InetAddress.getByName(bind);
    } catch (UnknownHostException e) {
      throw new ParameterException(spec.commandLine(), "--bind: unknown address '" + bind + "'");
    }
    ImageFiles files = imagenet == null ? null : ImageFiles.of(imagenet);
    long t0 = System.nanoTime();
    QueryEngine engine = session.open(spec, err);
    ExplorerServer server =
        ExplorerServer.start(engine, new InetSocketAddress(address, port), httpThreads, files);
    if (!address.isLoopbackAddress()) {
      err.println(
          "imagenetx: warning: listening on "
              + bind
              + ": anyone who can reach this machine can read the zoo");
    }
    out.printf(
        Locale.ROOT,
        "%d models loaded in %.2f s; explorer at %s (Ctrl-C to stop)%n",
        engine.session().models().size(),
        (System.nanoTime() - t0) / 1e9,
        server.url());
    out.flush();
    err.flush();
    CountDownLatch stop = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  server.close();
                  stop.countDown();
                }));
    stop.await();
    return 0;
  }
}
