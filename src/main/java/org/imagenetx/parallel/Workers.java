package org.imagenetx.parallel;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Runs a fixed number of identical workers that pull items from a shared counter (the pattern of
 * every zoo-wide pass: models are independent, each worker owns its scratch buffers). Waits for all
 * of them and rethrows the first failure as it was thrown, so a {@code BadInputException} in a
 * worker reaches the CLI unchanged.
 */
public final class Workers {
  private Workers() {}

  /**
   * @param workers how many copies of {@code worker} to run (1 runs it on the calling thread)
   * @param threadName name of the daemon threads
   * @param worker the loop each thread runs
   * @throws RuntimeException or {@link Error} thrown by a worker, unwrapped
   */
  public static void run(int workers, String threadName, Callable<?> worker) {
    if (workers <= 1) {
      try {
        worker.call();
      } catch (RuntimeException e) {
        throw e;
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
      return;
    }
    ExecutorService pool =
        Executors.newFixedThreadPool(
            workers,
            r -> {
              Thread t = new Thread(r, threadName);
              t.setDaemon(true);
              return t;
            });
    try {
      List<Future<?>> futures = new ArrayList<>(workers);
      for (int w = 0; w < workers; w++) {
        futures.add(pool.submit(worker));
      }
      for (Future<?> f : futures) {
        f.get();
      }
    } catch (ExecutionException e) {
      throw unwrap(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    } finally {
      pool.shutdownNow();
    }
  }

  /**
   * The failure of a task as it was thrown: a {@link RuntimeException} is returned for the caller
   * to throw, an {@link Error} is thrown here, anything else is wrapped.
   *
   * @param e what {@link Future#get()} threw
   * @return the exception to throw
   */
  public static RuntimeException unwrap(ExecutionException e) {
    Throwable cause = e.getCause();
    if (cause instanceof RuntimeException) {
      return (RuntimeException) cause;
    }
    if (cause instanceof Error) {
      throw (Error) cause;
    }
    return new IllegalStateException(cause);
  }
}
