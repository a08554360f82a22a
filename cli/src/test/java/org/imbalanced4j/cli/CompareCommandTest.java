package org.imbalanced4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CompareCommandTest {
  @TempDir Path dir;

  @Test
  void ranksStrategiesAndWritesTheReportCsvAndJson() throws IOException {
    Path out = dir.resolve("cmp");
    CliRun r = CliRun.of("compare", "builtin:ionosphere", "--grid", CliRun.shortGrid(dir).toString(), "--folds", "3",
        "--seed", "2", "--jobs", "2", "--no-race", "--out", out.toString());
    assertThat(r.exit()).as(r.err()).isZero();
    // 234 training rows, 84 of the rarer class: mlp and xgboost after each of 3 samplers, argmax and tuned
    assertThat(r.err()).contains("cross-fitting 12 strategies whose learner stops early");
    assertThat(r.out()).contains("rank").contains("balanced_accuracy_score").contains("SMOTE + ");
    JsonNode j = new ObjectMapper().readTree(out.resolve("results.json").toFile());
    JsonNode cands = j.get("candidates");
    assertThat(cands.size()).isEqualTo(36); // 3 samplers x 6 learners x 2 decisions
    double previous = Double.POSITIVE_INFINITY;
    for (JsonNode c : cands) {
      double v = c.get("metrics").get("balanced_accuracy_score").get("mean").asDouble();
      assertThat(v).isLessThanOrEqualTo(previous).isBetween(0.0, 1.0);
      assertThat(c.get("metrics").get("balanced_accuracy_score").has("std")).isTrue();
      previous = v;
    }
    assertThat(Files.readAllLines(out.resolve("results.csv"))).hasSize(1 + 36 * 3);
    String html = Files.readString(out.resolve("report.html"));
    assertThat(html).startsWith("<!DOCTYPE html>").contains("Ranking by balanced_accuracy_score")
        .contains("recall good").doesNotContain("<script").contains("Critical-difference diagram")
        .contains("<svg").contains("alt=\"ROC curves\" src=\"data:image/svg+xml;base64,")
        .contains("confusion matrix of " + cands.get(0).get("candidate").asText());
  }

  @Test
  void rankByChoosesTheMetricThatRanksAndThatTunedThresholdsMaximise() throws IOException {
    Path grid = dir.resolve("rank.yaml");
    Files.writeString(grid, "samplers: [none]\nlearners:\n  - logistic: {}\n  - balanced-forest: {n_estimators: 20}\n"
        + "thresholds: [argmax, tuned]\n");
    for (String metric : new String[] {"f1_score_macro", "expected_cost"}) {
      Path out = dir.resolve(metric);
      CliRun r = CliRun.of("compare", "builtin:ionosphere", "--grid", grid.toString(), "--folds", "3", "--no-race",
          "--rank-by", metric.equals("expected_cost") ? "expected_cost" : "f1", "--cost", "1,5", "--out", out.toString());
      assertThat(r.exit()).as(r.err()).isZero();
      assertThat(r.out()).contains(metric + " (95% CI)");
      JsonNode j = new ObjectMapper().readTree(out.resolve("results.json").toFile());
      assertThat(j.get("primary_metric").asText()).isEqualTo(metric);
      double previous = metric.equals("expected_cost") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
      for (JsonNode c : j.get("candidates")) {
        double v = c.get("metrics").get(metric).get("mean").asDouble();
        if (metric.equals("expected_cost")) {
          assertThat(v).isGreaterThanOrEqualTo(previous); // lower is better
        } else {
          assertThat(v).isLessThanOrEqualTo(previous);
        }
        previous = v;
      }
      assertThat(Files.readString(out.resolve("report.html"))).contains("Ranking by " + metric);
    }
    CliRun noCost = CliRun.of("compare", "builtin:ionosphere", "--grid", grid.toString(), "--rank-by", "expected_cost",
        "--out", dir.resolve("x").toString());
    assertThat(noCost.exit()).isEqualTo(2);
    assertThat(noCost.err().strip()).isEqualTo("imb: --rank-by expected_cost needs --cost (C_FP,C_FN or the cost matrix)");
    CliRun badCost = CliRun.of("compare", "builtin:ionosphere", "--grid", grid.toString(), "--cost", "1,2,3",
        "--out", dir.resolve("y").toString());
    assertThat(badCost.exit()).isEqualTo(2);
    assertThat(badCost.err()).contains("--cost takes C_FP,C_FN or the 2 x 2 cost matrix (4 numbers, row by row), got 3");
  }

  /** {@code imb compare} of builtin:ionosphere, 3 folds, with the grid {@code text} as {@code NAME.yaml}, into {@code NAME/}. */
  private CliRun compareOnIonosphere(String name, String text) throws IOException {
    Path grid = Files.writeString(dir.resolve(name + ".yaml"), text);
    CliRun r = CliRun.of("compare", "builtin:ionosphere", "--grid", grid.toString(), "--folds", "3", "--out",
        dir.resolve(name).toString());
    assertThat(r.exit()).as(r.err()).isZero();
    return r;
  }

  @Test
  void aCrossFittedNetworkIsExportedAsItsFiveFitsAndPredictReadsThem() throws IOException {
    CliRun r = compareOnIonosphere("net", "samplers: [none]\nlearners:\n  - mlp: {loss: class-balanced, epochs: 3}\n"
        + "thresholds: [tuned]\n");
    Path out = dir.resolve("net");
    assertThat(r.err()).contains("cross-fitting 1 strategy whose learner stops early");
    JsonNode model = new ObjectMapper().readTree(out.resolve("best").resolve("model.json").toFile());
    assertThat(model.get("kind").asText()).isEqualTo("mean");
    assertThat(model.get("model").get("members").asInt()).isEqualTo(5);
    assertThat(model.get("decision").get("rule").asText()).isEqualTo("threshold");
    for (int m = 0; m < 5; m++) {
      assertThat(out.resolve("best").resolve("member-" + m).resolve("model.json")).exists();
    }
    Path pred = dir.resolve("net.csv");
    CliRun p = CliRun.of("predict", out.resolve("best").toString(), "builtin:ionosphere", "--out", pred.toString());
    assertThat(p.exit()).as(p.err()).isZero();
    assertThat(Files.readAllLines(pred)).hasSize(352);
  }

  @Test
  void aYamlGridIsRacedAndTheWinnerIsExportedForPredict() throws IOException {
    compareOnIonosphere("g", "samplers: [none, RandomUnderSampler]\nlearners:\n  - logistic: {class_weight: balanced}\n"
        + "thresholds: [argmax, tuned]\n");
    Path out = dir.resolve("g");
    Path grid = dir.resolve("g.yaml");
    JsonNode j = new ObjectMapper().readTree(out.resolve("results.json").toFile());
    assertThat(j.get("candidates").size()).isEqualTo(4);
    String winner = j.get("candidates").get(0).get("candidate").asText();
    JsonNode model = new ObjectMapper().readTree(out.resolve("best").resolve("model.json").toFile());
    assertThat(model.get("config").get("candidate").asText()).isEqualTo(winner);
    assertThat(model.get("decision").get("rule").asText()).isEqualTo(winner.endsWith("tuned threshold") ? "threshold" : "argmax");
    Path pred = dir.resolve("pred.csv");
    CliRun p = CliRun.of("predict", out.resolve("best").toString(), "builtin:ionosphere", "--out", pred.toString());
    assertThat(p.exit()).as(p.err()).isZero();
    List<String> lines = Files.readAllLines(pred);
    assertThat(lines).hasSize(352);
    assertThat(lines.get(0)).isEqualTo("row,proba_bad,proba_good,predicted,class");
    long right = lines.stream().skip(1).filter(l -> l.endsWith(",bad,bad") || l.endsWith(",good,good")).count();
    assertThat(right).as("the exported winner classifies its own training rows well").isGreaterThan(300);

    Files.writeString(grid, "learners: [svm]\n");
    CliRun bad = CliRun.of("compare", "builtin:ionosphere", "--grid", grid.toString(), "--out", out.toString());
    assertThat(bad.exit()).isEqualTo(2);
    assertThat(bad.err().strip()).isEqualTo("imb: " + grid + ": unknown learner 'svm'; valid: logistic, knn, qda, tree, forest, extra-trees, "
        + "balanced-forest, balanced-bagging, easy-ensemble, rusboost, smoteboost, adaboost, iforest, ocsvm, mlp, "
        + "attention, cnn, resnet32, bbn, autoencoder, deep-svdd, xgboost");
  }

  @Test
  void aFitThatStopsAtItsIterationCapIsMarkedInTheTerminalJsonAndReport() throws IOException {
    Path grid = dir.resolve("cap.yaml");
    Files.writeString(grid, "samplers: [none]\nlearners:\n  - logistic: {max_iter: 1}\n"
        + "  - logistic: {class_weight: balanced}\nthresholds: [argmax]\n");
    Path out = dir.resolve("cap");
    CliRun r = CliRun.of("compare", "builtin:ionosphere", "--grid", grid.toString(), "--folds", "3", "--out", out.toString());
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.err().lines().filter(l -> l.startsWith("warning: "))).singleElement().asString()
        .startsWith("warning: none + logistic(max_iter=1) + argmax: logistic regression did not converge in max_iter=1")
        .endsWith("(in 3 of 3 folds)");
    JsonNode cands = new ObjectMapper().readTree(out.resolve("results.json").toFile()).get("candidates");
    for (JsonNode c : cands) {
      boolean capped = c.get("candidate").asText().contains("max_iter=1");
      assertThat(c.get("warnings").size()).as(c.get("candidate").asText()).isEqualTo(capped ? 1 : 0);
    }
    String html = Files.readString(out.resolve("report.html"));
    assertThat(html).contains("class=\"warn\"").contains("&#9888; logistic regression did not converge in max_iter=1");
    assertThat(html.split("class=\"warn\"", -1)).hasSize(2); // one mark: the capped strategy's
  }

  @Test
  void racingDropsStrategiesThatAreSignificantlyWorseAndReportsTheComputeSaved() throws IOException {
    Path out = dir.resolve("race");
    Path data = dir.resolve("sat.csv");
    try (java.io.InputStream in = CompareCommandTest.class.getResourceAsStream("/org/imbalanced4j/datasets/satimage.csv")) {
      List<String> lines = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).lines().limit(1501).toList();
      Files.write(data, lines);
    }
    Path grid = CliRun.shortGrid(dir);
    CliRun r = CliRun.of("compare", data.toString(), "--grid", grid.toString(), "--folds", "6", "--seed", "2",
        "--out", out.toString());
    assertThat(r.exit()).as(r.err()).isZero();
    JsonNode j = new ObjectMapper().readTree(out.resolve("results.json").toFile());
    int planned = j.get("fold_fits_planned").asInt();
    int run = j.get("fold_fits_run").asInt();
    assertThat(planned).isEqualTo(36 * 6);
    assertThat(run).isLessThan(planned);
    assertThat(r.out()).contains("racing ran " + run + " of " + planned);
    boolean seenDropped = false;
    for (JsonNode c : j.get("candidates")) {
      boolean dropped = !c.get("dropped_after_fold").isNull();
      assertThat(dropped && !seenDropped && c.get("rank").asInt() == 1).isFalse();
      seenDropped |= dropped;
      assertThat(c.get("folds_evaluated").asInt()).isEqualTo(dropped ? c.get("dropped_after_fold").asInt() : 6);
    }
    assertThat(seenDropped).isTrue();
  }

  @Test
  void strategiesThatCannotRunOnSomeFoldAreMarkedBeforeFoldOneAndTheOthersFinish() throws IOException {
    // glass: class '6' has 9 rows; a training fold holds 7 or 8 of them, and a network's validation
    // fifth leaves 5 or 6 to SMOTE (k_neighbors=5 needs 6). Was: the run died in fold 5.
    Path grid = dir.resolve("glass.yaml");
    Files.writeString(grid, "samplers: [none, SMOTE]\nlearners:\n  - logistic: {}\n  - mlp: {epochs: 2}\n"
        + "thresholds: [argmax, tuned]\n");
    Path out = dir.resolve("glass");
    CliRun r = CliRun.of("compare", "builtin:glass", "--grid", grid.toString(), "--folds", "5", "--no-race",
        "--out", out.toString());
    assertThat(r.exit()).as(r.err()).isZero();
    int firstFold = r.err().indexOf("fold 1/5 done");
    assertThat(r.err().indexOf("not applicable: SMOTE + mlp(epochs=2) + argmax")).isBetween(0, firstFold);
    JsonNode j = new ObjectMapper().readTree(out.resolve("results.json").toFile());
    List<String> ranked = new java.util.ArrayList<>();
    j.get("candidates").forEach(c -> ranked.add(c.get("candidate").asText()));
    assertThat(ranked).containsExactlyInAnyOrder("none + logistic + argmax", "SMOTE + logistic + argmax",
        "none + mlp(epochs=2) + argmax");
    JsonNode na = j.get("not_applicable");
    assertThat(na.size()).isEqualTo(5);
    assertThat(na.toString()).contains("k_neighbors=5 needs at least 6").contains("a tuned threshold is for two classes");
    assertThat(Files.readString(out.resolve("report.html"))).contains("Not applicable");
    // the header lines up with its columns
    List<String> table = r.out().lines().filter(l -> l.startsWith("  rank") || l.matches("  \\d .*")).toList();
    int at = table.get(0).indexOf("balanced_accuracy_score");
    for (String line : table.subList(1, table.size())) {
      assertThat(line.charAt(at - 1)).as(line).isEqualTo(' ');
      assertThat(Character.isDigit(line.charAt(at))).as(line).isTrue();
    }

    CliRun tooMany = CliRun.of("compare", "builtin:glass", "--folds", "12", "--out", dir.resolve("g12").toString());
    assertThat(tooMany.exit()).isEqualTo(1);
    assertThat(tooMany.err()).contains("class '6' has 9 rows, fewer than --folds 12").contains("--folds 9 or fewer");
  }
}
