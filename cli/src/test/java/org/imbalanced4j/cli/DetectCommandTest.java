package org.imbalanced4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code imb detect}: the scores file, the report against the target, and one clear line for each bad input. */
class DetectCommandTest {
  @TempDir Path dir;

  @Test
  void writesEveryInputColumnWithScoreAndAnomalyAndReportsAgainstTheTarget() throws IOException {
    Path out = dir.resolve("scores.csv");
    CliRun r = CliRun.of("detect", "builtin:ionosphere", "--target", "class", "--method", "iforest",
        "--contamination", "0.2", "--seed", "3", "--out", out.toString());
    assertThat(r.exit()).as(r.err()).isZero();
    List<String> lines = Files.readAllLines(out);
    assertThat(lines).hasSize(352);
    assertThat(lines.get(0)).startsWith("V1,V2,").endsWith(",class,score,anomaly");
    assertThat(lines.get(1)).startsWith("1,0,0.99539,-0.05889,").contains(",good,");
    long flagged = lines.stream().skip(1).filter(l -> l.endsWith(",1")).count();
    assertThat(flagged).isEqualTo(70); // 20% of 351, above the 80th percentile of the scores
    assertThat(r.out()).contains("iforest on 351 rows x 34 inputs: 70 anomalies")
        .contains("true anomalies: the 126 rows not of the majority class 'good'").contains("roc_auc_score")
        .contains("average_precision_score").contains("confusion matrix");
    double auc = Double.parseDouble(r.out().lines().filter(l -> l.contains("roc_auc_score")).findFirst().orElseThrow()
        .strip().split("\\s+")[1]);
    assertThat(auc).isGreaterThan(0.8);
    CliRun again = CliRun.of("detect", "builtin:ionosphere", "--target", "class", "--contamination", "0.2", "--seed",
        "3", "--out", dir.resolve("again.csv").toString());
    assertThat(Files.readAllLines(dir.resolve("again.csv"))).isEqualTo(lines);
  }

  @Test
  void theSvmAndAnArffInputWork() throws IOException {
    Path arff = dir.resolve("d.arff");
    StringBuilder sb = new StringBuilder("@relation t\n@attribute a numeric\n@attribute b numeric\n"
        + "@attribute class {x,y}\n@data\n");
    for (int i = 0; i < 40; i++) { // a tight cluster, and one row far from it (row 5)
      sb.append(i == 4 ? "5,5,y\n" : (i % 7) / 10.0 + "," + (i % 5) / 10.0 + ",x\n");
    }
    Files.writeString(arff, sb.toString());
    Path out = dir.resolve("s.csv");
    CliRun r = CliRun.of("detect", arff.toString(), "--target", "class", "--method", "ocsvm", "--param", "gamma=1",
        "--contamination", "0.025",
        "--out", out.toString());
    assertThat(r.exit()).as(r.err()).isZero();
    List<String> lines = Files.readAllLines(out);
    assertThat(lines.get(0)).isEqualTo("a,b,class,score,anomaly");
    assertThat(lines.get(5)).startsWith("5.0,5.0,y,").endsWith(",1");
    assertThat(lines.stream().skip(1).filter(l -> l.endsWith(",1"))).hasSize(1);
  }

  @Test
  void theNetworksOfTheDjlModuleDetectToo() throws IOException {
    for (String method : List.of("autoencoder", "deep-svdd")) {
      Path out = dir.resolve(method + ".csv");
      CliRun r = CliRun.of("detect", "builtin:ionosphere", "--target", "class", "--method", method, "--param",
          "epochs=20", "--seed", "2", "--out", out.toString());
      assertThat(r.exit()).as(r.err()).isZero();
      List<String> lines = Files.readAllLines(out);
      assertThat(lines).hasSize(352);
      long flagged = lines.stream().skip(1).filter(l -> l.endsWith(",1")).count();
      assertThat(flagged).as("auto: above the 90th percentile of the scores").isBetween(33L, 36L);
      double auc = Double.parseDouble(r.out().lines().filter(l -> l.contains("roc_auc_score")).findFirst()
          .orElseThrow().strip().split("\\s+")[1]);
      assertThat(auc).as(method).isGreaterThan(0.7);
    }
  }

  @Test
  void badInputIsOneLineAndANonZeroExit() throws IOException {
    Path one = dir.resolve("one.csv");
    Files.writeString(one, "a,b,class\n1,2,x\n2,3,x\n3,1,x\n");
    CliRun.expectOneLine(1, "imb: " + one + ": the target 'class' holds one class ('x');", "detect", one.toString(), "--target",
        "class", "--out", dir.resolve("o.csv").toString());
    CliRun.expectOneLine(2, "imb: --contamination must be auto or a share in (0, 0.5], got '0.6'", "detect", "builtin:ionosphere",
        "--contamination", "0.6", "--out", dir.resolve("o.csv").toString());
    CliRun.expectOneLine(2, "imb: --contamination must be auto or a share in (0, 0.5], got '0'", "detect", "builtin:ionosphere",
        "--contamination", "0", "--out", dir.resolve("o.csv").toString());
    CliRun.expectOneLine(2, "imb: unknown --method 'lof'; valid: iforest, ocsvm, autoencoder, deep-svdd", "detect", "builtin:ionosphere", "--method", "lof",
        "--out", dir.resolve("o.csv").toString());
    CliRun.expectOneLine(2, "imb: iforest has no parameter 'depth'", "detect", "builtin:ionosphere", "--param", "depth=3",
        "--out", dir.resolve("o.csv").toString());
    CliRun.expectOneLine(1, "imb: iforest: max_samples=500 is more than the 351 rows of builtin:ionosphere", "detect",
        "builtin:ionosphere", "--param", "max_samples=500", "--out", dir.resolve("o.csv").toString());
    assertThat(Files.exists(dir.resolve("o.csv"))).isFalse();
  }
}
