package org.imagenetx.cli;

import java.util.Locale;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import org.imagenetx.zoo.ZooStoreWriter;

/**
 * The progress bar of store writes: MB of CSV (with MB/s) and models/s on a terminal; nothing when
 * the output is not a terminal (scripts, CI, tests).
 */
final class StoreProgress implements ZooStoreWriter.Progress, AutoCloseable {
  private final ProgressBar bar;
  private final boolean byBytes;
  private final int numModels;
  private final long t0 = System.nanoTime();

  private StoreProgress(ProgressBar bar, boolean byBytes, int numModels) {
    this.bar = bar;
    this.byBytes = byBytes;
    this.numModels = numModels;
  }

  static StoreProgress start(String task, int numModels, long totalBytes) {
    ProgressBarBuilder b = Tty.progressBar(task);
    if (b == null) {
      return new StoreProgress(null, false, numModels);
    }
    boolean byBytes = totalBytes > 0;
    b.setUpdateIntervalMillis(250);
    if (byBytes) {
      b.setInitialMax(totalBytes).setUnit(" MB", 1L << 20);
    } else {
      b.setInitialMax(numModels).setUnit(" models", 1);
    }
    return new StoreProgress(b.build(), byBytes, numModels);
  }

  @Override
  public synchronized void update(int modelsDone, long bytesDone) {
    if (bar == null) {
      return;
    }
    bar.stepTo(byBytes ? bytesDone : modelsDone);
    double s = Math.max(1e-9, (System.nanoTime() - t0) / 1e9);
    bar.setExtraMessage(
        String.format(
            Locale.ROOT, " | %d/%d models, %.0f models/s", modelsDone, numModels, modelsDone / s));
  }

  @Override
  public void close() {
    if (bar != null) {
      bar.close();
    }
  }
}
