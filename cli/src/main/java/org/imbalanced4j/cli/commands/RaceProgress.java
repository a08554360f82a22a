package org.imbalanced4j.cli.commands;

import java.io.PrintWriter;
import java.util.Locale;
import org.imbalanced4j.experiment.CompareListener;
import org.imbalanced4j.experiment.Race;

/**
 * How {@code imb compare} shows a race: each message on its own line of standard error and, on a
 * terminal, a progress line under them with the fits done, the time elapsed and the time left.
 */
final class RaceProgress implements CompareListener {
  private final PrintWriter err;
  private final boolean terminal = System.console() != null;

  RaceProgress(PrintWriter err) {
    this.err = err;
  }

  @Override
  public synchronized void message(String line) {
    err.printf("%s%s%n", terminal ? "\r\033[K" : "", line);
    err.flush();
  }

  @Override
  public synchronized void progress(int done, int planned, double elapsed, double left) {
    if (!terminal) {
      return;
    }
    int width = 30;
    int filled = (int) Math.round(width * Math.min(1.0, (double) done / Math.max(1, planned)));
    err.printf(Locale.ROOT, "\r\033[K  [%s%s] %d/%d fits  %s elapsed%s", "#".repeat(filled),
        " ".repeat(width - filled), done, planned, Race.clock(elapsed),
        Double.isNaN(left) ? "" : ", about " + Race.clock(left) + " left");
    err.flush();
  }
}
