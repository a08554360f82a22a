package org.imbalanced4j.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** Runs {@code imb} in-process and keeps what it printed. */
record CliRun(int exit, String out, String err) {
  static CliRun of(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Imb.run(args, new PrintWriter(out), new PrintWriter(err));
    return new CliRun(code, out.toString(), err.toString());
  }
}
