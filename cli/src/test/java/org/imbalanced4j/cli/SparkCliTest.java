package org.imbalanced4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --spark}: resample writes Parquet or CSV with core's class counts (and, for the cleaning
 * samplers, core's rows); train -> predict -> evaluate --spark prints every metric evaluate
 * prints without Spark, equal to 1e-12; bad input is one line.
 */
class SparkCliTest {
  private static final ObjectMapper OM = new ObjectMapper();
  @TempDir Path dir;

  private Path pima() throws IOException {
    Path csv = dir.resolve("pima.csv");
    try (var in = SparkCliTest.class.getResourceAsStream("/org/imbalanced4j/io/pima.csv")) {
      if (in != null) {
        Files.copy(in, csv);
        return csv;
      }
    }
    CliRun r = CliRun.of("resample", "builtin:pima", "--method", "RandomUnderSampler", "--strategy", "all",
        "--out", csv.toString());
    assertThat(r.exit()).as(r.err()).isZero();
    return csv;
  }

  @Test
  void resampleWritesParquetAndCsvWithCoresCounts() throws IOException {
    Path csv = dir.resolve("demo.csv");
    CliRun demo = CliRun.of("resample", "--method", "RandomOverSampler", "--strategy", "0.2", "--out", csv.toString());
    assertThat(demo.exit()).as(demo.err()).isZero();
    Path parquet = dir.resolve("smote.parquet");
    CliRun s = CliRun.of("resample", csv.toString(), "--spark", "local[2]", "--method", "SMOTE", "--param",
        "k_neighbors=3", "--seed", "4", "--out", parquet.toString());
    assertThat(s.exit()).as(s.err()).isZero();
    assertThat(Files.isDirectory(parquet)).isTrue();
    assertThat(s.err()).as("Spark's log stays out of the terminal").isEmpty();
    CliRun core = CliRun.of("resample", csv.toString(), "--method", "SMOTE", "--param", "k_neighbors=3", "--out",
        dir.resolve("core.csv").toString());
    assertThat(table(s.out())).isEqualTo(table(core.out()));

    CliRun approx = CliRun.of("resample", csv.toString(), "--spark", "local[2]", "--method", "SMOTE", "--param",
        "max_broadcast_mb=0", "--out", dir.resolve("approx.csv").toString());
    assertThat(approx.exit()).as(approx.err()).isZero();
    assertThat(table(approx.out())).isEqualTo(table(core.out()));
    assertThat(approx.out()).contains("note: SMOTE: class '1' has").contains("searched approximately");

    Path enn = dir.resolve("enn.csv");
    CliRun e = CliRun.of("resample", csv.toString(), "--spark", "local[2]", "--method", "EditedNearestNeighbours",
        "--out", enn.toString());
    assertThat(e.exit()).as(e.err()).isZero();
    CliRun coreEnn = CliRun.of("resample", csv.toString(), "--method", "EditedNearestNeighbours", "--out",
        dir.resolve("core-enn.csv").toString());
    assertThat(table(e.out())).isEqualTo(table(coreEnn.out()));
    List<String> sparkRows = Files.readAllLines(enn);
    List<String> coreRows = Files.readAllLines(dir.resolve("core-enn.csv"));
    assertThat(sparkRows.get(0)).isEqualTo(coreRows.get(0));
    assertThat(numbers(sparkRows)).containsExactlyInAnyOrderElementsOf(numbers(coreRows));
  }

  /** The class table of resample's output (the lines from "class" to "imbalance ratio"). */
  private static List<String> table(String out) {
    List<String> lines = out.lines().toList();
    int from = 0;
    while (!lines.get(from).strip().startsWith("class")) {
      from++;
    }
    return lines.subList(from, from + lines.subList(from, lines.size()).indexOf(
        lines.stream().filter(l -> l.contains("imbalance ratio")).findFirst().orElseThrow()) + 1);
  }

  /** Data rows as numbers (Spark and core write the same values in different notations). */
  private static List<List<Double>> numbers(List<String> rows) {
    return rows.stream().skip(1).map(r -> java.util.Arrays.stream(r.split(",")).map(v -> {
      try {
        return Double.parseDouble(v);
      } catch (NumberFormatException x) {
        return (double) v.hashCode();
      }
    }).toList()).toList();
  }

  @Test
  void trainPredictThenEvaluateOnSparkEqualsWithout() throws IOException {
    Path csv = dir.resolve("demo.csv");
    assertThat(CliRun.of("resample", "--method", "RandomUnderSampler", "--strategy", "0.5", "--out",
        csv.toString()).exit()).isZero();
    Path model = dir.resolve("model");
    CliRun t = CliRun.of("train", csv.toString(), "--model", "logistic", "--out", model.toString());
    assertThat(t.exit()).as(t.err()).isZero();
    Path pred = dir.resolve("pred.csv");
    CliRun p = CliRun.of("predict", model.toString(), csv.toString(), "--out", pred.toString());
    assertThat(p.exit()).as(p.err()).isZero();
    CliRun plain = CliRun.of("evaluate", pred.toString(), "--json");
    CliRun spark = CliRun.of("evaluate", pred.toString(), "--json", "--spark", "local[2]");
    assertThat(spark.exit()).as(spark.err()).isZero();
    JsonNode a = OM.readTree(plain.out());
    JsonNode b = OM.readTree(spark.out());
    int compared = compare(a, b, "");
    assertThat(compared).isGreaterThan(40);
    CliRun text = CliRun.of("evaluate", pred.toString(), "--spark", "local[2]");
    assertThat(text.out()).contains("balanced_accuracy_score").contains("roc_auc_score");
  }

  /** Every number of {@code a} that {@code b} also has is equal to 1e-12; returns how many. */
  private static int compare(JsonNode a, JsonNode b, String path) {
    if (a.isNumber()) {
      assertThat(b.isNumber()).as(path).isTrue();
      assertThat(b.asDouble()).as(path).isCloseTo(a.asDouble(), org.assertj.core.api.Assertions.within(1e-12));
      return 1;
    }
    int n = 0;
    if (a.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = a.fields(); it.hasNext();) {
        Map.Entry<String, JsonNode> e = it.next();
        if (b.has(e.getKey())) {
          n += compare(e.getValue(), b.get(e.getKey()), path + "/" + e.getKey());
        }
      }
    } else if (a.isArray()) {
      for (int i = 0; i < a.size(); i++) {
        n += compare(a.get(i), b.get(i), path + "/" + i);
      }
    } else {
      assertThat(b.asText()).as(path).isEqualTo(a.asText());
      n++;
    }
    return n;
  }

  @Test
  void compareRanksStrategiesUnderStratifiedFoldsAndWritesTheReport() throws IOException {
    Path csv = dir.resolve("demo.csv");
    assertThat(CliRun.of("resample", "--method", "RandomUnderSampler", "--strategy", "0.5", "--out",
        csv.toString()).exit()).isZero();
    Path out = dir.resolve("cmp");
    CliRun r = CliRun.of("compare", csv.toString(), "--spark", "local[2]", "--folds", "2", "--strategies",
        "none + logistic,none + logistic(class_weight=balanced)", "--out", out.toString());
    assertThat(r.exit()).as(r.err()).isZero();
    JsonNode json = OM.readTree(out.resolve("results.json").toFile());
    assertThat(json.get("candidates")).hasSize(2);
    JsonNode best = json.get("candidates").get(0);
    assertThat(best.get("rank").asInt()).isEqualTo(1);
    double bestBa = best.get("metrics").get("balanced_accuracy_score").get("mean").asDouble();
    double secondBa = json.get("candidates").get(1).get("metrics").get("balanced_accuracy_score").get("mean")
        .asDouble();
    assertThat(bestBa).isGreaterThanOrEqualTo(secondBa).isGreaterThan(0.5).isLessThanOrEqualTo(1.0);
    long[] total = new long[1];
    best.get("confusion_matrix").forEach(row -> row.forEach(v -> total[0] += v.asLong()));
    assertThat(total[0]).as("every row predicted once, out of fold").isEqualTo(1878);
    assertThat(Files.readAllLines(out.resolve("results.csv"))).hasSize(1 + 2 * 2);
    String html = Files.readString(out.resolve("report.html"));
    assertThat(html).contains("imb compare on Spark").contains("ROC curves").contains("confusion matrix");
    assertThat(r.out()).contains("rank").contains("none + logistic(class_weight=balanced)")
        .contains("4 folds computed, 0 reused");
    // the same run again reuses every fold from results.sqlite, with the same ranking
    CliRun again = CliRun.of("compare", csv.toString(), "--spark", "local[2]", "--folds", "2", "--strategies",
        "none + logistic,none + logistic(class_weight=balanced)", "--out", out.toString());
    assertThat(again.exit()).as(again.err()).isZero();
    assertThat(again.out()).contains("0 folds computed, 4 reused");
    assertThat(OM.readTree(out.resolve("results.json").toFile()).get("candidates")).isEqualTo(json.get("candidates"));
    // the winner, retrained on all rows, scores new rows on Spark, and evaluate reads its predictions
    assertThat(out.resolve("best").resolve("spark-model.json")).exists();
    Path pred = dir.resolve("pred.parquet");
    CliRun p = CliRun.of("predict", out.resolve("best").toString(), csv.toString(), "--spark", "local[2]", "--out",
        pred.toString());
    assertThat(p.exit()).as(p.err()).isZero();
    assertThat(p.out()).contains("scored 1,878 rows");
    CliRun e = CliRun.of("evaluate", pred.toString(), "--spark", "local[2]", "--json");
    assertThat(e.exit()).as(e.err()).isZero();
    assertThat(OM.readTree(e.out()).get("balanced_accuracy_score").asDouble()).isGreaterThan(bestBa - 0.1);
    CliRun.expectOneLine(2, "imb: " + out.resolve("best") + " was trained on Spark: score it with --spark MASTER",
        "predict", out.resolve("best").toString(), csv.toString(), "--out", dir.resolve("p.csv").toString());
    CliRun.expectOneLine(2, "imb: --grid cannot be used with --spark yet", "compare", csv.toString(), "--spark",
        "local[2]", "--grid", "g.yaml", "--out", out.toString());
    CliRun.expectOneLine(2, "imb: unknown strategy with --spark", "compare", csv.toString(), "--spark", "local[2]",
        "--strategies", "none + svm", "--out", out.toString());
    CliRun.expectOneLine(2, "imb: --strategies is for --spark", "compare", csv.toString(), "--strategies",
        "none + logistic", "--out", out.toString());
  }

  @Test
  void badInputIsOneLine() throws IOException {
    Path csv = dir.resolve("demo.csv");
    assertThat(CliRun.of("resample", "--method", "RandomUnderSampler", "--out", csv.toString()).exit()).isZero();
    CliRun.expectOneLine(1, "imb: no such file: ", "resample", dir.resolve("missing.csv").toString(), "--spark",
        "local[2]", "--method", "SMOTE", "--out", dir.resolve("o.parquet").toString());
    CliRun.expectOneLine(2, "imb: --spark-ui needs --spark MASTER", "resample", csv.toString(), "--spark-ui",
        "--method", "SMOTE", "--out", dir.resolve("o.csv").toString());
    CliRun.expectOneLine(2, "imb: --spark nonsense is not a master", "resample", csv.toString(), "--spark",
        "nonsense", "--method", "SMOTE", "--out", dir.resolve("o.csv").toString());
    CliRun.expectOneLine(2, "imb: unknown method with --spark", "resample", csv.toString(), "--spark", "local[2]",
        "--method", "ADASYN", "--out", dir.resolve("o.csv").toString());
    CliRun.expectOneLine(2, "imb: SMOTE on Spark takes sampling_strategy, k_neighbors, max_broadcast_mb; not "
        + "random_state (give --seed)",
        "resample", csv.toString(), "--spark", "local[2]", "--method", "SMOTE", "--param", "random_state=1",
        "--out", dir.resolve("o.csv").toString());
    CliRun.expectOneLine(2, "imb: --bootstrap cannot be used with --spark yet", "evaluate", csv.toString(),
        "--spark", "local[2]", "--bootstrap", "100");
    Files.writeString(dir.resolve("text.csv"), "a,b,class\n1,x,0\n2,y,1\n3,z,0\n4,w,1\n5,v,0\n6,u,0\n7,t,1\n");
    CliRun.expectOneLine(1, "imb: SMOTE on Spark measures distances between numeric columns; column 'b' is string",
        "resample", dir.resolve("text.csv").toString(), "--spark", "local[2]", "--method", "SMOTE", "--param",
        "k_neighbors=1", "--out", dir.resolve("o.csv").toString());
  }
}
