package org.imagenetx.query;

import java.util.concurrent.TimeUnit;

/**
 * Cooperative cancellation of the query being answered on this thread: a deadline and a flag that
 * the long loops of the engine (model globs, rankings with intervals, neighbours, image sets, word
 * tables) check through {@link #check()}. A front end opens one per request ({@link #start}); the
 * engine called without one is never cancelled. The explorer gave 12 s of a compute slot to each
 * 9-star glob, and the work went on after the client had left (issue 15).
 */
public final class Cancellation implements AutoCloseable {
  private static final ThreadLocal<Cancellation> CURRENT = new ThreadLocal<>();

  private final long start = System.nanoTime();
  private final long timeoutNanos;
  private final Cancellation outer;
  private final Thread thread = Thread.currentThread();
  private volatile boolean cancelled;
  private volatile String reason;

  private Cancellation(long timeoutNanos, Cancellation outer) {
    this.timeoutNanos = timeoutNanos;
    this.outer = outer;
  }

  /**
   * Starts cancellation for the query answered on this thread until {@link #close()}.
   *
   * @param timeoutMillis the deadline, from now (0: already due, every check cancels)
   * @return the token: {@link #cancel} it from any thread, close it on this one
   */
  public static Cancellation start(long timeoutMillis) {
    Cancellation c = new Cancellation(TimeUnit.MILLISECONDS.toNanos(timeoutMillis), CURRENT.get());
    CURRENT.set(c);
    return c;
  }

  /**
   * Cancels the query (e.g. its client left, or the server stops); the next check throws.
   *
   * @param why the reason, for the error
   */
  public void cancel(String why) {
    reason = why;
    cancelled = true;
  }

  /**
   * @return whether the query was cancelled, by {@link #cancel} or by its deadline passing (as seen
   *     by a check)
   */
  public boolean cancelled() {
    return cancelled;
  }

  /**
   * @return the thread answering the query
   */
  public Thread thread() {
    return thread;
  }

  /**
   * Throws when the query of this thread is cancelled or past its deadline; does nothing without
   * one.
   *
   * @throws Cancelled when the query is to stop
   */
  public static void check() {
    Cancellation c = CURRENT.get();
    if (c == null) {
      return;
    }
    if (!c.cancelled && System.nanoTime() - c.start >= c.timeoutNanos) {
      c.cancel(
          "the answer took longer than "
              + TimeUnit.NANOSECONDS.toMillis(c.timeoutNanos)
              + " ms and was stopped; narrow the query");
    }
    if (c.cancelled) {
      throw new Cancelled(c.reason);
    }
  }

  @Override
  public void close() {
    if (CURRENT.get() == this) {
      if (outer == null) {
        CURRENT.remove();
      } else {
        CURRENT.set(outer);
      }
    }
  }

  /** A query stopped by its {@link Cancellation}: not the user's mistake, not a bug. */
  public static final class Cancelled extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Cancelled(String message) {
      super(message, null, false, false);
    }
  }
}
