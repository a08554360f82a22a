package org.imbalanced4j.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.imbalanced4j.metrics.ScoreMetrics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvaluateCommandTest {
  @TempDir Path dir;

  private Path binary(boolean[] pos, double[] s) throws IOException {
    StringBuilder sb = new StringBuilder("class,proba_fraud\n");
    java.util.Random r = new java.util.Random(2);
    for (int i = 0; i < pos.length; i++) {
      pos[i] = r.nextDouble() < 0.1;
      s[i] = 1 / (1 + Math.exp(-(r.nextGaussian() + (pos[i] ? 2 : 0) - 1.5)));
      sb.append(pos[i] ? "fraud" : "ok").append(',').append(Double.toString(s[i])).append('\n');
    }
    Path p = dir.resolve("pred.csv");
    Files.writeString(p, sb.toString());
    return p;
  }

  @Test
  void jsonKeysAreScikitLearnsNamesAndValuesMatchTheLibrary() throws IOException {
    boolean[] pos = new boolean[300];
    double[] s = new double[300];
    Path p = binary(pos, s);
    CliRun r = CliRun.of("evaluate", p.toString(), "--score", "proba_fraud", "--json");
    assertThat(r.exit()).as(r.err()).isZero();
    JsonNode j = new ObjectMapper().readTree(r.out());
    assertThat(j.get("positive_label").asText()).isEqualTo("fraud");
    assertThat(j.get("roc_auc_score").asDouble()).isCloseTo(ScoreMetrics.rocAuc(pos, s), within(1e-12));
    assertThat(j.get("average_precision_score").asDouble()).isCloseTo(ScoreMetrics.averagePrecision(pos, s), within(1e-12));
    // scores are read in double precision: the Brier score sees no float rounding
    assertThat(j.get("brier_score_loss").asDouble()).isCloseTo(ScoreMetrics.brier(pos, s), within(1e-15));
    for (String key : new String[] {"balanced_accuracy_score", "matthews_corrcoef", "cohen_kappa_score", "accuracy_score"}) {
      assertThat(j.has(key)).as(key).isTrue();
    }
    assertThat(j.get("f1_score").has("binary")).isTrue();
    assertThat(j.get("f1_score").has("macro")).isTrue();
    assertThat(j.get("geometric_mean_score").has("multiclass")).isTrue();
    assertThat(j.get("classification_report_imbalanced").get("fraud").get("sup").asInt())
        .isEqualTo((int) java.util.stream.IntStream.range(0, pos.length).filter(i -> pos[i]).count());
  }

  @Test
  void autoThresholdIsF1OptimalAndCostMovesIt() throws IOException {
    Path p = binary(new boolean[300], new double[300]);
    JsonNode f1 = new ObjectMapper().readTree(CliRun.of("evaluate", p.toString(), "--score", "proba_fraud",
        "--threshold", "auto", "--json").out());
    JsonNode fixed = new ObjectMapper().readTree(CliRun.of("evaluate", p.toString(), "--score", "proba_fraud",
        "--threshold", "0.5", "--json").out());
    assertThat(f1.get("threshold_criterion").asText()).isEqualTo("f1");
    assertThat(f1.get("f1_score").get("binary").asDouble())
        .isGreaterThanOrEqualTo(fixed.get("f1_score").get("binary").asDouble());
    JsonNode cost = new ObjectMapper().readTree(CliRun.of("evaluate", p.toString(), "--score", "proba_fraud",
        "--threshold", "auto", "--cost", "1,20", "--json").out());
    assertThat(cost.get("threshold").asDouble()).isLessThan(f1.get("threshold").asDouble());
  }

  @Test
  void bootstrapIntervalsBracketTheEstimateAndFollowTheSeed() throws IOException {
    Path p = binary(new boolean[300], new double[300]);
    String a = CliRun.of("evaluate", p.toString(), "--score", "proba_fraud", "--bootstrap", "200", "--seed", "4", "--json").out();
    String b = CliRun.of("evaluate", p.toString(), "--score", "proba_fraud", "--bootstrap", "200", "--seed", "4", "--json").out();
    assertThat(a).isEqualTo(b);
    JsonNode j = new ObjectMapper().readTree(a);
    JsonNode ci = j.get("confidence_intervals").get("roc_auc_score");
    assertThat(ci.get("low").asDouble()).isLessThan(j.get("roc_auc_score").asDouble());
    assertThat(ci.get("high").asDouble()).isGreaterThan(j.get("roc_auc_score").asDouble());
    assertThat(ci.get("rounds").asInt()).isEqualTo(200);
  }

  @Test
  void multiClassProbabilitiesGiveOvrOvoAucAndPerClassPlots() throws IOException {
    StringBuilder sb = new StringBuilder("class,pa,pb,pc\n");
    java.util.Random r = new java.util.Random(9);
    for (int i = 0; i < 200; i++) {
      int c = r.nextDouble() < 0.6 ? 0 : r.nextDouble() < 0.6 ? 1 : 2;
      double[] z = {r.nextGaussian(), r.nextGaussian(), r.nextGaussian()};
      z[c] += 1.5;
      double sum = Math.exp(z[0]) + Math.exp(z[1]) + Math.exp(z[2]);
      sb.append("abc".charAt(c));
      for (double v : z) {
        sb.append(',').append(String.format(Locale.ROOT, "%.6f", Math.exp(v) / sum));
      }
      sb.append('\n');
    }
    Path p = dir.resolve("p3.csv");
    Files.writeString(p, sb.toString());
    Path out = dir.resolve("plots3");
    CliRun run = CliRun.of("evaluate", p.toString(), "--proba", "pa,pb,pc", "--plots", out.toString(), "--json");
    assertThat(run.exit()).as(run.err()).isZero();
    JsonNode j = new ObjectMapper().readTree(run.out());
    for (String key : new String[] {"ovr_macro", "ovr_weighted", "ovo_macro", "ovo_weighted"}) {
      assertThat(j.get("roc_auc_score").get(key).asDouble()).isBetween(0.5, 1.0);
    }
    assertThat(j.get("log_loss").asDouble()).isPositive();
    assertThat(j.get("average_precision_score").has("macro")).isTrue();
    assertThat(Files.exists(out.resolve("roc.png"))).isTrue();
    CliRun wrong = CliRun.of("evaluate", p.toString(), "--proba", "pa,pb");
    assertThat(wrong.exit()).isEqualTo(2);
    assertThat(wrong.err()).contains("one column per class");
  }

  @Test
  void binaryProbabilityColumnsAcceptAThresholdAndAPositiveLabel() throws IOException {
    Path p = dir.resolve("p2.csv");
    Files.writeString(p, "y,proba_0,proba_1\n1,0.1,0.9\n0,0.8,0.2\n0,0.4,0.6\n1,0.6,0.4\n0,0.9,0.1\n");
    JsonNode j = new ObjectMapper().readTree(CliRun.of("evaluate", p.toString(), "--target", "y", "--proba",
        "proba_0,proba_1", "--threshold", "0.35", "--json").out());
    assertThat(j.get("positive_label").asText()).isEqualTo("1");
    assertThat(j.get("threshold").asDouble()).isEqualTo(0.35);
    assertThat(j.get("recall_score").get("binary").asDouble()).isEqualTo(1.0);
    assertThat(j.get("log_loss").asDouble()).isPositive();
    JsonNode neg = new ObjectMapper().readTree(CliRun.of("evaluate", p.toString(), "--target", "y", "--proba",
        "proba_0,proba_1", "--pos-label", "0", "--json").out());
    assertThat(neg.get("positive_label").asText()).isEqualTo("0");
    assertThat(neg.get("roc_auc_score").asDouble()).isCloseTo(j.get("roc_auc_score").asDouble(), within(1e-12));
  }

  @Test
  void plotsArePngAndSvg() throws IOException {
    Path p = binary(new boolean[200], new double[200]);
    Path out = dir.resolve("plots");
    assertThat(CliRun.of("evaluate", p.toString(), "--score", "proba_fraud", "--plots", out.toString()).exit()).isZero();
    for (String name : new String[] {"roc", "pr", "confusion", "confusion_normalized", "calibration"}) {
      byte[] png = Files.readAllBytes(out.resolve(name + ".png"));
      assertThat(png).startsWith((byte) 0x89, (byte) 'P', (byte) 'N', (byte) 'G');
      assertThat(Files.readString(out.resolve(name + ".svg"))).contains("<svg");
    }
    // SVG text is drawn as glyph outlines; check the picture has content instead
    assertThat(Files.size(out.resolve("pr.png"))).isGreaterThan(10_000);
  }

  @Test
  void badColumnAndOneClassAreClearErrors() throws IOException {
    Path p = binary(new boolean[50], new double[50]);
    CliRun r = CliRun.of("evaluate", p.toString(), "--score", "nope");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("--score column 'nope' is not in").contains("columns: class, proba_fraud");
    Path one = dir.resolve("one.csv");
    Files.writeString(one, "class,s\nok,0.1\nok,0.4\n");
    CliRun o = CliRun.of("evaluate", one.toString(), "--score", "s");
    assertThat(o.exit()).isNotZero();
    assertThat(o.err()).startsWith("imb: ").doesNotContain("\tat ");
  }
}
