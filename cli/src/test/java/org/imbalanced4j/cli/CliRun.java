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
   * The default grid with its networks capped at 3 epochs and boosting at 30 rounds, written to {@code dir/short-grid.yaml}:
   * the default grid's strategies, at a test's cost (on small tables its networks are cross-fitted,
   * five fits a fold).
   */
  static java.nio.file.Path shortGrid(java.nio.file.Path dir) throws java.io.IOException {
    String text = org.imbalanced4j.experiment.Grid.defaultText()
        .replace("mlp: {loss: class-balanced}", "mlp: {loss: class-balanced, epochs: 3}")
        .replace("xgboost: {class_weight: balanced}", "xgboost: {class_weight: balanced, n_estimators: 30}");
    assertThat(text).contains("epochs: 3}").contains("n_estimators: 30}");
    return java.nio.file.Files.writeString(dir.resolve("short-grid.yaml"), text);
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
