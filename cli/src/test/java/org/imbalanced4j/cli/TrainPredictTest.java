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

class TrainPredictTest {
  @TempDir Path dir;

  @Test
  void trainWritesAModelThatPredictAndEvaluateRead() throws IOException {
    Path model = dir.resolve("model");
    CliRun t = CliRun.of("train", "builtin:ionosphere", "--loss", "focal", "--class-weight", "balanced",
        "--sampler", "class-balanced", "--epochs", "6", "--batch-size", "32", "--seed", "3", "--out", model.toString());
    assertThat(t.exit()).as(t.err()).isZero();
    assertThat(t.err()).contains("epoch   1/6").contains("balanced_log_loss"); // the learner's default
    JsonNode meta = new ObjectMapper().readTree(model.resolve("model.json").toFile());
    assertThat(meta.get("classes").toString()).isEqualTo("[\"bad\",\"good\"]");
    assertThat(meta.get("kind").asText()).isEqualTo("network");
    assertThat(meta.get("format_version").asInt()).isEqualTo(2);
    assertThat(meta.get("config").get("loss").asText()).isEqualTo("focal");
    assertThat(meta.get("training_data_sha256").asText()).hasSize(64);
    assertThat(meta.get("versions").get("pytorch").asText()).startsWith("2.7.1");
    assertThat(Files.readAllLines(model.resolve("history.jsonl"))).hasSize(6);
    JsonNode decision = meta.get("decision");
    assertThat(decision.get("rule").asText()).isEqualTo("threshold");
    assertThat(decision.get("positive").asText()).isEqualTo("bad");
    assertThat(decision.get("temperature").asDouble()).isPositive();

    Path pred = dir.resolve("pred.csv");
    CliRun p = CliRun.of("predict", model.toString(), "builtin:ionosphere", "--out", pred.toString());
    assertThat(p.exit()).as(p.err()).isZero();
    List<String> lines = Files.readAllLines(pred);
    assertThat(lines.get(0)).isEqualTo("row,proba_bad,proba_good,predicted,class");
    assertThat(lines).hasSize(352);
    assertThat(lines.get(351)).startsWith("351,");

    CliRun e = CliRun.of("evaluate", pred.toString(), "--json");
    assertThat(e.exit()).as(e.err()).isZero();
    assertThat(new ObjectMapper().readTree(e.out()).get("roc_auc_score").asDouble()).isGreaterThan(0.85);
  }

  @Test
  void withoutValidationRowsEveryRowTrainsEveryEpochAndTheLastIsKept() throws IOException {
    Path model = dir.resolve("all-rows");
    CliRun t = CliRun.of("train", "builtin:ionosphere", "--val-split", "0", "--loss", "ldam-drw", "--epochs", "3",
        "--patience", "1", "--batch-size", "32", "--out", model.toString());
    assertThat(t.exit()).as(t.err()).isZero();
    assertThat(t.err()).contains("(no validation rows)").doesNotContain("warning");
    assertThat(t.out()).contains("kept the last epoch (3; no validation rows)");
    JsonNode meta = new ObjectMapper().readTree(model.resolve("model.json").toFile());
    assertThat(meta.get("model").get("best_epoch").asInt()).isEqualTo(3);
    assertThat(meta.get("decision").get("rule").asText()).isEqualTo("argmax");
    assertThat(meta.get("decision").get("temperature").asDouble()).isEqualTo(1.0);
    List<String> log = Files.readAllLines(model.resolve("log.jsonl"));
    assertThat(log).hasSize(3).allSatisfy(l -> assertThat(l).contains("\"metric\":null"));
    assertThat(log.get(2)).as("LDAM-DRW re-weights at 2/3 of the epochs without a plateau to wait for")
        .contains("\"phase\":1");
    Path pred = dir.resolve("all-rows.csv");
    CliRun p = CliRun.of("predict", model.toString(), "builtin:ionosphere", "--out", pred.toString());
    assertThat(p.exit()).as(p.err()).isZero();
    assertThat(Files.readAllLines(pred)).hasSize(352);
  }

  @Test
  void everyLossAndSamplerNameTrains() {
    for (String[] args : new String[][] {{"--loss", "ldam-drw"}, {"--loss", "balanced-softmax"},
        {"--loss", "logit-adjusted"}, {"--loss", "cost-sensitive"}, {"--loss", "class-balanced"},
        {"--sampler", "sqrt"}, {"--sampler", "progressive"}, {"--sampler", "weighted"},
        {"--sampler", "RandomUnderSampler"}, {"--model", "attention"}, {"--optimizer", "sgd"}, {"--schedule", "step"}}) {
      CliRun r = CliRun.of("train", "builtin:glass", args[0], args[1], "--epochs", "2", "--batch-size", "32",
          "--out", dir.resolve(String.join("", args)).toString());
      assertThat(r.exit()).as(String.join(" ", args) + ": " + r.err()).isZero();
    }
  }

  @Test
  void badNamesAreUsageErrors() {
    CliRun l = CliRun.of("train", "builtin:glass", "--loss", "hinge", "--out", dir.resolve("m").toString());
    assertThat(l.exit()).isEqualTo(2);
    assertThat(l.err()).contains("unknown loss 'hinge'").contains("ldam-drw");
    CliRun s = CliRun.of("train", "builtin:glass", "--sampler", "SMOOTE", "--out", dir.resolve("m").toString());
    assertThat(s.exit()).isEqualTo(2);
    assertThat(s.err()).contains("unknown method 'SMOOTE'");
    CliRun m = CliRun.of("predict", dir.resolve("none").toString(), "builtin:glass", "--out", dir.resolve("p.csv").toString());
    assertThat(m.exit()).isEqualTo(1);
    assertThat(m.err()).contains("not a model directory");
  }

  @Test
  void anyLearnerOfTheCatalogueTrainsWithItsOwnParametersAndChainsToPredictAndEvaluate() throws IOException {
    Path model = dir.resolve("knn");
    CliRun t = CliRun.of("train", "builtin:ionosphere", "--model", "knn", "--param", "n_neighbors=7",
        "--param", "weights=distance", "--out", model.toString());
    assertThat(t.exit()).as(t.err()).isZero();
    assertThat(t.out()).contains("fitted knn(n_neighbors=7, weights=distance)");
    JsonNode meta = new ObjectMapper().readTree(model.resolve("model.json").toFile());
    assertThat(meta.get("kind").asText()).isEqualTo("knn");
    assertThat(meta.get("config").get("n_neighbors").asText()).isEqualTo("7");
    assertThat(meta.get("versions").has("pytorch")).as("no engine for a model without one").isFalse();
    assertThat(Files.exists(model.resolve("checkpoints"))).isFalse();
    Path pred = dir.resolve("knn.csv");
    CliRun p = CliRun.of("predict", model.toString(), "builtin:ionosphere", "--out", pred.toString());
    assertThat(p.exit()).as(p.err()).isZero();
    CliRun e = CliRun.of("evaluate", pred.toString(), "--json");
    assertThat(e.exit()).as(e.err()).isZero();
    assertThat(new ObjectMapper().readTree(e.out()).get("balanced_accuracy_score").asDouble()).isGreaterThan(0.8);

    CliRun lr = CliRun.of("train", "builtin:ionosphere", "--model", "logistic", "--class-weight", "balanced",
        "--out", dir.resolve("lr").toString());
    assertThat(lr.exit()).as(lr.err()).isZero();
    assertThat(new ObjectMapper().readTree(dir.resolve("lr/model.json").toFile()).get("kind").asText()).isEqualTo("linear");

    CliRun wrong = CliRun.of("train", "builtin:ionosphere", "--model", "knn", "--loss", "focal", "--out",
        dir.resolve("x").toString());
    assertThat(wrong.exit()).isEqualTo(2);
    assertThat(wrong.err().strip()).isEqualTo("imb: --loss: knn has no parameter 'loss'; its parameters: n_neighbors, weights");
    CliRun unknown = CliRun.of("train", "builtin:ionosphere", "--model", "knn", "--param", "k=3", "--out",
        dir.resolve("x").toString());
    assertThat(unknown.err().strip()).isEqualTo("imb: knn has no parameter 'k'; its parameters: n_neighbors, weights");
    assertThat(Files.exists(dir.resolve("x"))).isFalse();
  }
}
