package org.imbalanced4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code imb compare} over images with repeated hold-out splits and a time budget: networks that
 * would train for a thousand epochs stop at their share of the budget, the report shows recall by
 * class frequency and the few-shot images the leader got wrong, and {@code best/} predicts images.
 */
class CompareImagesTest {
  private static final ObjectMapper OM = new ObjectMapper();
  @TempDir Path dir;

  @Test
  void holdOutSplitsAndABudgetThenAReportOfTheTail() throws IOException {
    Path[] f = TinyImages.idx(dir, 150, 6);
    Path grid = dir.resolve("g.yaml");
    Files.writeString(grid, "samplers: [none]\nlearners:\n"
        + "  - cnn: {loss: ce, epochs: 1000, patience: 1000, batch_size: 32}\n"
        + "  - cnn: {loss: balanced-softmax, decouple: tau, epochs: 1000, patience: 1000, batch_size: 32}\n");
    Path out = dir.resolve("cmp");
    CliRun c = CliRun.of("compare", f[0].toString(), "--labels", f[1].toString(), "--grid", grid.toString(),
        "--holdout", "0.3", "--repeats", "2", "--budget-minutes", "0.1", "--out", out.toString());
    assertThat(c.exit()).as(c.err()).isZero();
    assertThat(c.err()).contains("two x stratified hold-out of 30%".replace("two", "2"))
        .contains("budget: 0.1 minutes of training per strategy (3 s per fit)");
    JsonNode r = OM.readTree(out.resolve("results.json").toFile());
    assertThat(r.get("holdout").asDouble()).isEqualTo(0.3);
    assertThat(r.get("fold_fits_run").asInt()).as("2 strategies x 2 hold-out splits").isEqualTo(4);
    assertThat(r.get("racing").asBoolean()).as("racing needs three splits").isFalse();
    assertThat(c.out()).doesNotContain("racing ran");
    for (JsonNode cand : r.get("candidates")) {
      assertThat(cand.get("folds_evaluated").asInt()).isEqualTo(2);
      assertThat(cand.get("warnings").toString()).as("a thousand epochs never ran: the budget stopped them")
          .contains("time limit of 3 s");
    }
    String html = Files.readString(out.resolve("report.html"));
    assertThat(html).contains("2 x stratified hold-out of 30%").contains("Recall by class frequency")
        .contains("Few-shot images the leader got wrong");
    // the hold-out rows of the first repeat are the leaders' rows: 45 of 150, of which 15 of the rare class
    assertThat(html).containsPattern(": \\d+ of 15 test images of the few-shot classes \\(1\\)");
    Path pred = dir.resolve("p.csv");
    CliRun p = CliRun.of("predict", out.resolve("best").toString(), f[0].toString(), "--labels", f[1].toString(),
        "--out", pred.toString());
    assertThat(p.exit()).as(p.err()).isZero();
    assertThat(Files.readAllLines(pred)).hasSize(151);

    CliRun g = CliRun.of("compare", f[0].toString(), "--print-grid");
    assertThat(g.exit()).isZero();
    assertThat(g.out()).contains("resnet32: {loss: balanced-softmax").contains("bbn: {loss: ce")
        .contains("decouple: crt").doesNotContain("- logistic: {bags: 10}");
    CliRun.expectOneLine(2, "imb: --folds and --holdout exclude each other", "compare", f[0].toString(), "--labels",
        f[1].toString(), "--holdout", "0.2", "--folds", "3", "--out", dir.resolve("x").toString());
    CliRun.expectOneLine(2, "imb: --holdout must be strictly between 0 and 1, got 1.5", "compare", f[0].toString(),
        "--labels", f[1].toString(), "--holdout", "1.5", "--out", dir.resolve("x").toString());
  }
}
