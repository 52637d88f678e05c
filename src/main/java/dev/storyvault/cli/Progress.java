package dev.storyvault.cli;

import java.io.PrintWriter;

/**
 * Progress of long work on standard error: a line redrawn in place on a terminal, a plain line
 * every tenth of the way otherwise (logs and scripts read lines).
 */
final class Progress {

  private final PrintWriter err;
  private final String what;
  private final boolean terminal = System.console() != null;
  private int lastTenth = -1;
  private boolean drawn;

  Progress(PrintWriter err, String what) {
    this.err = err;
    this.what = what;
  }

  void step(int done, int all) {
    int tenth = all == 0 ? 10 : done * 10 / all;
    if (terminal) {
      err.print(
          "\r" + done + "/" + all + " " + what + " " + "#".repeat(tenth) + ".".repeat(10 - tenth));
      err.flush();
      drawn = true;
    } else if (tenth != lastTenth) {
      lastTenth = tenth;
      err.println(done + "/" + all + " " + what);
    }
  }

  /** Ends the current run of steps (a next run starts from nothing). */
  void done() {
    if (drawn) err.println();
    drawn = false;
    lastTenth = -1;
    err.flush();
  }
}
