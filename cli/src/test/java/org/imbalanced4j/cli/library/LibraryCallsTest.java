package org.imbalanced4j.cli.library;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.imbalanced4j.cli.Imb;
import org.imbalanced4j.metrics.Evaluation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The library's calls give exactly what the equivalent commands write (issue 20). */
class LibraryCallsTest {
  private static final ObjectMapper OM = new ObjectMapper();

  @TempDir Path dir;

  private static String run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Imb.run(args, new PrintWriter(out), new PrintWriter(err));
    assertThat(code).as(err.toString()).isZero();
    return out.toString();
  }

  /** The command's JSON in one line, as the library's map serialises (numbers as written). */
  private static String json(String printed) throws Exception {
    return OM.writeValueAsString(OM.readTree(printed));
  }

  /** Predictions with the true class and one proba_ column per class, as imb predict writes them. */
  private Path predictions(int[] y, double[][] p, List<String> classes) throws Exception {
    StringBuilder sb = new StringBuilder("class");
    for (String c : classes) {
      sb.append(",proba_").append(c);
    }
    sb.append('\n');
    for (int i = 0; i < y.length; i++) {
      sb.append(classes.get(y[i]));
      for (double v : p[i]) {
        sb.append(',').append(v); // Double.toString: read back to the same double
      }
      sb.append('\n');
    }
    Path f = dir.resolve("pred-" + classes.size() + ".csv");
    Files.writeString(f, sb);
    return f;
  }

  private static double[][] noisyProba(int[] y, int k, long seed) {
    Random r = new Random(seed);
    double[][] p = new double[y.length][k];
    for (int i = 0; i < y.length; i++) {
      double sum = 0;
      for (int c = 0; c < k; c++) {
        p[i][c] = r.nextDouble() + (c == y[i] ? 0.6 * r.nextDouble() : 0);
        sum += p[i][c];
      }
      for (int c = 0; c < k; c++) {
        p[i][c] /= sum;
      }
    }
    return p;
  }

  @Test
  void evaluationOfIsWhatImbEvaluateJsonPrints() throws Exception {
    for (int k : new int[] {2, 3}) {
      Random r = new Random(k);
      int[] y = new int[300];
      for (int i = 0; i < y.length; i++) {
        double u = r.nextDouble();
        y[i] = u < 0.1 ? 1 : k == 3 && u < 0.3 ? 2 : 0; // class 1 rare
      }
      double[][] p = noisyProba(y, k, 7 + k);
      Path f = predictions(y, p, k == 2 ? List.of("0", "1") : List.of("0", "1", "2"));
      String command = json(run("evaluate", f.toString(), "--json"));
      Evaluation e = Evaluation.of(y, p);
      assertThat(OM.writeValueAsString(e.metrics())).as("k=" + k).isEqualTo(command);
      assertThat(e.metric("balanced_accuracy_score")).isBetween(0.3, 1.0);
      @SuppressWarnings("unchecked") // a metric by average, by its path
      java.util.Map<String, Double> recall = (java.util.Map<String, Double>) e.metrics().get("recall_score");
      assertThat(e.metric("recall_score.macro")).isEqualTo(recall.get("macro"))
          .isCloseTo(e.metric("balanced_accuracy_score"), org.assertj.core.data.Offset.offset(1e-12));
      org.assertj.core.api.Assertions.assertThatThrownBy(() -> e.metric("recall_score"))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("recall_score");
      // named classes, a chosen threshold and bootstrap intervals: the same options as the command's
      List<String> names = k == 2 ? List.of("ok", "fraud") : List.of("a", "b", "c");
      Path g = predictions(y, p, names);
      String[] yNamed = java.util.Arrays.stream(y).mapToObj(names::get).toArray(String[]::new);
      assertThat(OM.writeValueAsString(Evaluation.of(yNamed, p, names).metrics()))
          .isEqualTo(json(run("evaluate", g.toString(), "--json")));
      if (k == 2) {
        Evaluation tuned = Evaluation.builder(y, names).optProba(p).optPositiveLabel("fraud")
            .optAutoThreshold(new double[][] {{0, 1}, {5, 0}}).optBootstrap(50, 3).build();
        assertThat(OM.writeValueAsString(tuned.metrics())).isEqualTo(json(run("evaluate", g.toString(),
            "--json", "--pos-label", "fraud", "--threshold", "auto", "--cost", "1,5", "--bootstrap", "50", "--seed", "3")));
        assertThat(tuned.metric("threshold")).isNotEqualTo(0.5);
        assertThat(String.format(Locale.ROOT, "%s", tuned.metrics().get("confidence_intervals"))).contains("low");
      }
    }
  }

  @Test
  void aLoadedModelScoresAsImbPredictWritesAndSingleRowsFromEightThreadsAsTheBatch() throws Exception {
    Path csv = dir.resolve("lending_club.csv"); // numeric and categorical features
    try (var in = org.imbalanced4j.io.BuiltinDatasets.class.getResourceAsStream("/org/imbalanced4j/datasets/lending_club.csv")) {
      Files.copy(in, csv);
    }
    Path model = dir.resolve("model");
    run("train", csv.toString(), "--model", "logistic", "--seed", "1", "-o", model.toString());
    Path pred = dir.resolve("pred.csv");
    run("predict", model.toString(), csv.toString(), "-o", pred.toString());

    org.imbalanced4j.api.ScoringModel m = org.imbalanced4j.api.Models.load(model);
    double[][] p = m.predictProba(org.imbalanced4j.io.Datasets.read(csv.toString(),
        org.imbalanced4j.io.ReadOptions.defaults()));
    List<String> lines = Files.readAllLines(pred);
    List<String> header = List.of(lines.get(0).split(","));
    assertThat(lines).hasSize(p.length + 1);
    for (int c = 0; c < m.classes().size(); c++) {
      int col = header.indexOf("proba_" + m.classes().get(c));
      assertThat(col).isPositive();
      for (int i = 0; i < p.length; i++) {
        assertThat(String.format(Locale.ROOT, "%.9g", p[i][c])).isEqualTo(lines.get(i + 1).split(",")[col]);
      }
    }
    List<String> decided = m.predict(org.imbalanced4j.io.Datasets.read(csv.toString(),
        org.imbalanced4j.io.ReadOptions.defaults()));
    int predictedCol = header.indexOf("predicted");
    for (int i = 0; i < p.length; i += 97) {
      assertThat(decided.get(i)).isEqualTo(lines.get(i + 1).split(",")[predictedCol]);
    }

    // 10,000 single rows given by feature name, scored from 8 threads: the batch's probabilities
    List<String> data = Files.readAllLines(csv);
    String[] names = data.get(0).split(",");
    List<java.util.Map<String, Object>> rows = new java.util.ArrayList<>();
    for (int i = 0; i < 10_000; i++) {
      String[] f = data.get(1 + i % (data.size() - 1)).split(",");
      java.util.Map<String, Object> row = new java.util.HashMap<>();
      for (int j = 0; j < names.length - 1; j++) {
        row.put(names[j], f[j]);
      }
      rows.add(row);
    }
    double[][] batch = m.predictProba(rows);
    for (int i = 0; i < batch.length; i += 101) {
      assertThat(batch[i]).containsExactly(p[i % p.length]);
    }
    double[][] single = new double[rows.size()][];
    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
    try {
      List<java.util.concurrent.Future<?>> done = new java.util.ArrayList<>();
      for (int t = 0; t < 8; t++) {
        int from = t;
        done.add(pool.submit(() -> {
          for (int i = from; i < rows.size(); i += 8) {
            single[i] = m.predictProba(rows.get(i));
          }
        }));
      }
      for (var f : done) {
        f.get();
      }
    } finally {
      pool.shutdown();
    }
    for (int i = 0; i < rows.size(); i++) {
      assertThat(single[i]).as("row " + i).containsExactly(batch[i]);
    }
    // a category the model never saw scores with its indicators zero; a missing feature is an error
    java.util.Map<String, Object> odd = new java.util.HashMap<>(rows.get(0));
    odd.put("addr_state", "Atlantis");
    assertThat(m.predictProba(odd)).hasSize(m.classes().size());
    odd.remove("term");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> m.predictProba(odd))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'term'");
  }

  /** Every file of a model directory but the training log, checkpoints and lock, by name, hashed. */
  private static java.util.Map<String, String> modelFiles(Path model) throws Exception {
    java.util.Map<String, String> files = new java.util.TreeMap<>();
    try (var walk = Files.walk(model)) {
      for (Path f : walk.filter(Files::isRegularFile).toList()) {
        String name = model.relativize(f).toString();
        if (!name.equals("log.jsonl") && !name.startsWith("checkpoints") && !name.equals(".imb.lock")) {
          byte[] bytes = Files.readAllBytes(f); // the history without the seconds each epoch took
          if (name.equals("history.jsonl")) {
            bytes = new String(bytes, java.nio.charset.StandardCharsets.UTF_8).replaceAll("\"seconds\":[0-9.Ee-]+", "")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
          }
          files.put(name, java.util.HexFormat.of().formatHex(
              java.security.MessageDigest.getInstance("SHA-256").digest(bytes)));
        }
      }
    }
    return files;
  }

  @Test
  void trainInCodeSavesWhatImbTrainWrites() throws Exception {
    Path csv = dir.resolve("ionosphere.csv");
    try (var in = org.imbalanced4j.io.BuiltinDatasets.class.getResourceAsStream("/org/imbalanced4j/datasets/ionosphere.csv")) {
      Files.copy(in, csv);
    }
    org.imbalanced4j.data.Dataset d = org.imbalanced4j.io.Datasets.read(csv.toString(),
        org.imbalanced4j.io.ReadOptions.defaults());
    // a solver (threshold tuned on 20% held out) and a network (early stopping, temperature, threshold)
    String[][] cases = {{"logistic", "--class-weight", "balanced", "--param", "C=0.5"},
        {"mlp", "--loss", "focal", "--epochs", "4", "--hidden", "16,8"}};
    for (String[] c : cases) {
      Path byCommand = dir.resolve(c[0] + "-command");
      List<String> args = new java.util.ArrayList<>(List.of("train", csv.toString(), "--model", c[0], "--seed", "3",
          "-o", byCommand.toString()));
      args.addAll(List.of(c).subList(1, c.length));
      run(args.toArray(String[]::new));

      var b = org.imbalanced4j.api.Train.builder().optLearner(c[0]).optSeed(3).optConfig("data", csv.toString());
      if (c[0].equals("logistic")) {
        b.optParam("class_weight", "balanced").optParam("C", 0.5);
      } else { // the command's options' values, in its order (the saved config lists them so)
        Object[] kv = {"loss", "focal", "batch_sampler", "none", "class_weight", "none", "epochs", 4, "time_limit", 0.0,
            "batch_size", 128, "lr", 0.001f, "optimizer", "adam", "weight_decay", 0.0, "schedule", "constant",
            "hidden", new int[] {16, 8}, "patience", 10};
        for (int i = 0; i < kv.length; i += 2) {
          b.optParam((String) kv[i], kv[i + 1]);
        }
      }
      org.imbalanced4j.api.TrainedModel t = b.build().fit(d);
      Path byCode = dir.resolve(c[0] + "-code");
      t.save(byCode);
      assertThat(modelFiles(byCode)).as(c[0]).isEqualTo(modelFiles(byCommand));
      assertThat(t.decision()).containsEntry("rule", "threshold");
      double[][] p = t.scoring().predictProba(d);
      double[][] loaded = org.imbalanced4j.api.Models.load(byCommand).predictProba(d);
      for (int i = 0; i < p.length; i++) {
        assertThat(p[i]).as(c[0] + " row " + i).containsExactly(loaded[i]);
      }
    }
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> org.imbalanced4j.api.Train.builder().optLearner("logistic")
        .optParam("n_neighbours", 3).build()).isInstanceOf(org.imbalanced4j.InvalidOptionException.class)
        .hasMessageContaining("n_neighbours");
  }

  /** results.json without the seconds the fits took, which no two runs share. */
  @SuppressWarnings("unchecked")
  private static String withoutTimes(java.util.Map<String, Object> json) throws Exception {
    java.util.Map<String, Object> copy = OM.readValue(OM.writeValueAsString(json), java.util.LinkedHashMap.class);
    for (Object c : (List<Object>) copy.get("candidates")) {
      ((java.util.Map<String, Object>) c).remove("seconds");
    }
    return OM.writeValueAsString(copy);
  }

  @Test
  void compareInCodeRanksAsImbCompareAndItsWinnerScoresAsBest() throws Exception {
    String yaml = "samplers: [none, {SMOTE: {k_neighbors: 3}}]\nlearners: [logistic, {knn: {n_neighbors: 7}}]\n"
        + "thresholds: [argmax, tuned]\n";
    Path gridFile = dir.resolve("grid.yaml");
    Files.writeString(gridFile, yaml);
    Path out = dir.resolve("compare");
    run("compare", "builtin:ionosphere", "--grid", gridFile.toString(), "--folds", "4", "--seed", "4", "--jobs", "2",
        "--out", out.toString());
    @SuppressWarnings("unchecked")
    java.util.Map<String, Object> written = OM.readValue(out.resolve("results.json").toFile(), java.util.LinkedHashMap.class);

    org.imbalanced4j.data.Dataset d = org.imbalanced4j.io.Datasets.read("builtin:ionosphere",
        org.imbalanced4j.io.ReadOptions.defaults());
    List<String> heard = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
    org.imbalanced4j.experiment.CompareResult r = org.imbalanced4j.experiment.Compare.builder().optFolds(4).optSeed(4)
        .optJobs(2).optSource("builtin:ionosphere")
        .optGrid(org.imbalanced4j.experiment.Grid.of(java.util.Map.of(
            "samplers", List.of("none", java.util.Map.of("SMOTE", java.util.Map.of("k_neighbors", 3))),
            "learners", List.of("logistic", java.util.Map.of("knn", java.util.Map.of("n_neighbors", 7))),
            "thresholds", List.of("argmax", "tuned")), d))
        .optListener(new org.imbalanced4j.experiment.CompareListener() {
          @Override
          public void message(String line) {
            heard.add(line);
          }
        })
        .build().run(d);
    assertThat(withoutTimes(r.json())).isEqualTo(withoutTimes(written));
    assertThat(r.ranking()).hasSize(8);
    assertThat(heard.get(0)).startsWith("comparing 8 strategies on builtin:ionosphere");
    String primary = (String) r.json().get("primary_metric");
    assertThat(r.mean(r.winningStrategy().name(), primary))
        .isGreaterThanOrEqualTo(r.mean((String) r.ranking().get(7).get("candidate"), primary));
    // the grid from YAML text is the grid built in code
    assertThat(org.imbalanced4j.experiment.Grid.parse(yaml, d).stream().map(c -> c.name()).toList())
        .isEqualTo(r.strategies().stream().map(c -> c.name()).toList());
    // the winner, refitted on all rows, scores as the best/ directory imb compare wrote
    double[][] mine = r.winner().predictProba(d);
    double[][] best = org.imbalanced4j.api.Models.load(out.resolve("best")).predictProba(d);
    for (int i = 0; i < mine.length; i++) {
      assertThat(mine[i]).containsExactly(best[i]);
    }
    assertThat(r.winner().predict(d)).isEqualTo(org.imbalanced4j.api.Models.load(out.resolve("best")).predict(d));
  }
}
