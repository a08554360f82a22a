package org.imbalanced4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code imb compare} on a table whose folds are large races in rounds of successive halving. */
class CompareHalvingTest {
  @TempDir Path dir;

  /** 40,000 rows, 4 features, 5% rare (shifted in two features). */
  private Path table() throws IOException {
    Path csv = dir.resolve("big.csv");
    SplittableRandom r = new SplittableRandom(3);
    try (Writer w = Files.newBufferedWriter(csv)) {
      w.write("a,b,c,d,label\n");
      for (int i = 0; i < 40_000; i++) {
        boolean rare = r.nextDouble() < 0.05;
        double s = rare ? 1.2 : 0;
        w.write(String.format(Locale.ROOT, "%.4f,%.4f,%.4f,%.4f,%s%n", r.nextDouble() * 2 + s,
            r.nextDouble() * 2 + s, r.nextDouble(), r.nextDouble(), rare ? "rare" : "common"));
      }
    }
    return csv;
  }

  @Test
  void largeFoldsRaceInRoundsAndTheBestThirdGoesOnToAllRows() throws IOException {
    Path csv = table();
    Path grid = dir.resolve("grid.yaml");
    Files.writeString(grid, "samplers: [none, RandomUnderSampler]\nlearners:\n  - logistic\n"
        + "  - logistic: {class_weight: balanced}\n  - tree: {max_depth: 4}\nthresholds: [argmax, tuned]\n");
    Path out = dir.resolve("cmp");
    CliRun r = CliRun.of("compare", csv.toString(), "--grid", grid.toString(), "--jobs", "2", "--out", out.toString());
    assertThat(r.exit()).as(r.err()).isZero();
    // 5 folds of 32,000 training rows: 12 strategies on 10,667 rows, then the best 4 on all 32,000
    assertThat(r.err()).contains("successive halving in 2 rounds of 10,667 / 32,000 training rows per fold, "
        + "with 12 / 4 strategies").contains("round 1/2: the best 4 of ");
    JsonNode json = new ObjectMapper().readTree(out.resolve("results.json").toFile());
    assertThat(json.get("halving").get("training_rows_per_fold").toString()).isEqualTo("[10667,32000]");
    assertThat(json.get("halving").get("strategies").toString()).isEqualTo("[12,4]");
    List<JsonNode> finalists = new ArrayList<>();
    List<JsonNode> stopped = new ArrayList<>();
    for (JsonNode c : json.get("candidates")) {
      (c.get("dropped_after_round").isNull() ? finalists : stopped).add(c);
    }
    assertThat(finalists).hasSizeBetween(1, 4);
    assertThat(finalists).allMatch(c -> c.get("training_rows_per_fold").asInt() == 32_000);
    assertThat(stopped).hasSizeGreaterThanOrEqualTo(8)
        .allMatch(c -> c.get("training_rows_per_fold").asInt() == 10_667 && c.get("dropped_after_round").asInt() == 1);
    // the finalists rank first
    assertThat(json.get("candidates").get(0).get("dropped_after_round").isNull()).isTrue();
    assertThat(json.get("compute_saved").asDouble()).isBetween(0.3, 0.9);
    String html = Files.readString(out.resolve("report.html"));
    assertThat(html).contains("Successive halving over training rows").contains("stopped after round 1 of halving");
    assertThat(r.out()).contains("in 2 rounds of halving");

    // every fit of both rounds is stored: a rerun computes nothing and ranks the same
    CliRun again = CliRun.of("compare", csv.toString(), "--grid", grid.toString(), "--out", out.toString());
    assertThat(again.exit()).as(again.err()).isZero();
    assertThat(again.out()).contains("0 folds computed");
    assertThat(new ObjectMapper().readTree(out.resolve("results.json").toFile()).get("candidates").get(0)
        .get("candidate")).isEqualTo(json.get("candidates").get(0).get("candidate"));
  }
}
