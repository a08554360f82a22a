package org.imbalanced4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

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

  /**
   * Runs {@code imb} and expects bad input's answer: exit {@code exit}, one line starting {@code
   * start}, no stack trace.
   */
  static void expectOneLine(int exit, String start, String... args) {
    CliRun r = of(args);
    assertThat(r.exit()).as(r.err()).isEqualTo(exit);
    assertThat(r.err().lines().count()).as(r.err()).isEqualTo(1);
    assertThat(r.err().strip()).startsWith(start).doesNotContain("Exception");
  }
}
