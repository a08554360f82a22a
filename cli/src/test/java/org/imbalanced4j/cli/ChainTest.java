package org.imbalanced4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The commands chained as a user chains them (issue 13): each test reproduces a path that gave a
 * wrong answer with exit 0 and checks the answer or the clear error it gives now.
 */
class ChainTest {
  @TempDir static Path dir;
  static Path data;
  static Path model;
  private static final ObjectMapper OM = new ObjectMapper();

  /** 300 loans: two numbers, a state code, 20% bad. */
  @BeforeAll
  static void trainOnce() throws IOException {
    data = dir.resolve("loans.csv");
    Files.writeString(data, table(300, 1, true, "CA", "NY", "TX"));
    model = dir.resolve("model");
    CliRun t = CliRun.of("train", data.toString(), "--epochs", "8", "--batch-size", "32", "--seed", "1",
        "--out", model.toString());
    assertThat(t.exit()).as(t.err()).isZero();
  }

  static String table(int n, long seed, boolean withClass, String... states) {
    StringBuilder sb = new StringBuilder("income,debt,state" + (withClass ? ",class" : "") + "\n");
    Random r = new Random(seed);
    for (int i = 0; i < n; i++) {
      boolean bad = r.nextDouble() < 0.2;
      sb.append(String.format(Locale.ROOT, "%.3f,%.3f,%s", r.nextGaussian() - (bad ? 1 : 0),
          r.nextGaussian() + (bad ? 1 : 0), states[r.nextInt(states.length)]));
      sb.append(withClass ? (bad ? ",bad" : ",good") : "").append('\n');
    }
    return sb.toString();
  }

  private static Path predict(String name, String table, String... more) throws IOException {
    Path in = dir.resolve(name + ".csv");
    Files.writeString(in, table);
    Path out = dir.resolve(name + ".pred.csv");
    String[] args = new String[4 + more.length];
    args[0] = "predict";
    args[1] = model.toString();
    args[2] = in.toString();
    args[3] = "--out=" + out;
    System.arraycopy(more, 0, args, 4, more.length);
    CliRun p = CliRun.of(args);
    assertThat(p.exit()).as(p.err()).isZero();
    return out;
  }

  @Test
  void predictionsWithoutTheTrueClassCannotBeEvaluated() throws IOException {
    // was: the target defaulted to the last column, 'predicted': ROC AUC 1.000, exit 0
    Path pred = predict("notarget", table(80, 2, false, "CA", "NY"));
    assertThat(Files.readAllLines(pred).get(0)).isEqualTo("row,proba_bad,proba_good,predicted");
    CliRun e = CliRun.of("evaluate", pred.toString(), "--proba", "proba_bad,proba_good");
    assertThat(e.exit()).isEqualTo(1);
    assertThat(e.err()).contains("has no true-class column").doesNotContain("\tat ");
    CliRun named = CliRun.of("evaluate", pred.toString(), "--target", "predicted");
    assertThat(named.exit()).isEqualTo(2);
    assertThat(named.err()).contains("is a prediction column");
  }

  @Test
  void probabilityColumnsAreMatchedToClassesByName() throws IOException {
    // was: --proba proba_good,proba_bad (swapped) gave ROC AUC 0.165 and log loss 3.59
    Path pred = predict("swap", table(120, 3, true, "CA", "NY", "TX"));
    JsonNode right = OM.readTree(CliRun.of("evaluate", pred.toString(), "--proba", "proba_bad,proba_good", "--json").out());
    JsonNode swapped = OM.readTree(CliRun.of("evaluate", pred.toString(), "--proba", "proba_good,proba_bad", "--json").out());
    JsonNode none = OM.readTree(CliRun.of("evaluate", pred.toString(), "--json").out());
    assertThat(swapped.get("roc_auc_score").asDouble()).isEqualTo(right.get("roc_auc_score").asDouble())
        .isGreaterThan(0.6);
    assertThat(swapped.get("log_loss").asDouble()).isEqualTo(right.get("log_loss").asDouble());
    assertThat(none.get("average_precision_score")).isEqualTo(right.get("average_precision_score"));
    CliRun partial = CliRun.of("evaluate", pred.toString(), "--proba", "proba_bad");
    assertThat(partial.exit()).isEqualTo(2);
    assertThat(partial.err()).contains("give all of them");
  }

  @Test
  void labelMetricsUseTheModelsOwnDecisions() throws IOException {
    // was: evaluate scored at 0.5 while 'predicted' used the model's tuned threshold
    Path pred = predict("decide", table(200, 4, true, "CA", "NY", "TX"));
    List<String> lines = Files.readAllLines(pred);
    long bad = 0;
    long badFound = 0;
    for (String l : lines.subList(1, lines.size())) {
      String[] f = l.split(",");
      if (f[4].equals("bad")) {
        bad++;
        badFound += f[3].equals("bad") ? 1 : 0;
      }
    }
    CliRun e = CliRun.of("evaluate", pred.toString(), "--json");
    assertThat(e.exit()).as(e.err()).isZero();
    JsonNode j = OM.readTree(e.out());
    assertThat(j.get("decision").asText()).isEqualTo("predicted column");
    assertThat(j.get("positive_label").asText()).isEqualTo("bad");
    assertThat(j.get("recall_score").get("binary").asDouble()).isEqualTo((double) badFound / bad);
    JsonNode at = OM.readTree(CliRun.of("evaluate", pred.toString(), "--threshold", "0.99", "--json").out());
    assertThat(at.get("decision").asText()).isEqualTo("threshold");
    assertThat(at.get("roc_auc_score").asDouble()).isEqualTo(j.get("roc_auc_score").asDouble());
    // text output: the confusion matrix, and bootstrap intervals without a ClassCastException
    CliRun text = CliRun.of("evaluate", pred.toString(), "--bootstrap", "50");
    assertThat(text.exit()).as(text.err()).isZero();
    assertThat(text.out()).contains("confusion matrix").contains("95% interval").contains("class report");
  }

  @Test
  void aBatchOfOneClassIsEvaluatedAsFarAsItCanBe() throws IOException {
    Path pred = dir.resolve("one.csv");
    Files.writeString(pred, "row,proba_bad,proba_good,predicted,class\n1,0.2,0.8,good,good\n2,0.7,0.3,bad,good\n");
    CliRun e = CliRun.of("evaluate", pred.toString(), "--json");
    assertThat(e.exit()).as(e.err()).isZero();
    JsonNode j = OM.readTree(e.out());
    assertThat(j.get("accuracy_score").asDouble()).isEqualTo(0.5);
    assertThat(j.get("classes").get("bad").asInt()).isZero();
    assertThat(j.has("roc_auc_score")).isFalse();
    assertThat(j.get("skipped").toString()).contains("no true row of class bad");
  }

  @Test
  void multiClassRejectsAThreshold() throws IOException {
    Path p = dir.resolve("m.csv");
    Files.writeString(p, "proba_a,proba_b,proba_c,class\n0.6,0.3,0.1,a\n0.2,0.5,0.3,b\n0.1,0.2,0.7,c\n0.5,0.1,0.4,c\n");
    CliRun e = CliRun.of("evaluate", p.toString(), "--threshold", "auto");
    assertThat(e.exit()).isEqualTo(2);
    assertThat(e.err()).contains("--threshold is for two classes");
    JsonNode j = OM.readTree(CliRun.of("evaluate", p.toString(), "--json").out());
    assertThat(j.get("decision").asText()).isEqualTo("largest probability");
    assertThat(j.get("accuracy_score").asDouble()).isEqualTo(0.75);
  }

  @Test
  void predictCountsUnseenCategoriesDroppedRowsAndCarriesIds() throws IOException {
    String rows = "id,income,debt,state,class\n" + "a1,0.1,0.2,CA,good\n" + "a2,0.3,,NY,bad\n"
        + "a3,-1.2,1.5,ZZ,bad\n" + "a4,0.5,0.1,ca,good\n" + "a5,0.2,0.2,ZZ,good\n";
    Path in = dir.resolve("new.csv");
    Files.writeString(in, rows);
    Path out = dir.resolve("new.pred.csv");
    CliRun p = CliRun.of("predict", model.toString(), in.toString(), "--out", out.toString(), "--drop-missing",
        "--id", "id");
    assertThat(p.exit()).as(p.err()).isZero();
    assertThat(p.err()).contains("state: 3 rows ('ZZ' 2, 'ca' 1)");
    assertThat(p.out()).contains("scored 4 rows (dropped 1 with a missing value)");
    List<String> lines = Files.readAllLines(out);
    assertThat(lines.get(0)).startsWith("id,proba_bad");
    assertThat(lines.stream().skip(1).map(l -> l.split(",")[0]).toList()).containsExactly("a1", "a3", "a4", "a5");
    Path rowNumbers = dir.resolve("rows.pred.csv");
    assertThat(CliRun.of("predict", model.toString(), in.toString(), "--out", rowNumbers.toString(),
        "--drop-missing", "--unknown-category", "ignore").err()).doesNotContain("never saw");
    assertThat(Files.readAllLines(rowNumbers).stream().skip(1).map(l -> l.split(",")[0]).toList())
        .containsExactly("1", "3", "4", "5");
    CliRun strict = CliRun.of("predict", model.toString(), in.toString(), "--out", dir.resolve("x.csv").toString(),
        "--drop-missing", "--unknown-category", "error");
    assertThat(strict.exit()).isEqualTo(1);
    assertThat(strict.err()).contains("'ZZ' 2");
    assertThat(dir.resolve("x.csv")).doesNotExist();
    // a categorical column whose new values all look like numbers is still read as categories
    Path codes = dir.resolve("codes.csv");
    Files.writeString(codes, "income,debt,state\n0.1,0.2,12\n0.3,0.1,12\n");
    CliRun c = CliRun.of("predict", model.toString(), codes.toString(), "--out", dir.resolve("codes.pred.csv").toString());
    assertThat(c.exit()).as(c.err()).isZero();
    assertThat(c.err()).contains("state: 2 rows ('12' 2)");
    // a model column missing from the data is named
    Path missing = dir.resolve("missing.csv");
    Files.writeString(missing, "income,debt\n0.1,0.2\n0.3,0.1\n");
    CliRun m = CliRun.of("predict", model.toString(), missing.toString(), "--out", dir.resolve("m.pred.csv").toString());
    assertThat(m.exit()).isEqualTo(1);
    assertThat(m.err()).contains("no column 'state'");
  }

  @Test
  void outputFormatFollowsTheEnding() throws IOException {
    // was: x.tsv got commas, x.xlsx got CSV, x.libsvm got string labels
    Path tsv = dir.resolve("r.tsv");
    assertThat(CliRun.of("resample", data.toString(), "--method", "RandomUnderSampler", "--out", tsv.toString())
        .exit()).isZero();
    assertThat(Files.readAllLines(tsv).get(0)).isEqualTo("income\tdebt\tstate\tclass");
    CliRun inspect = CliRun.of("inspect", tsv.toString());
    assertThat(inspect.exit()).as(inspect.err()).isZero();
    Path back = dir.resolve("r.csv");
    assertThat(CliRun.of("resample", tsv.toString(), "--method", "RandomUnderSampler", "--out", back.toString())
        .exit()).isZero();
    assertThat(Files.readAllLines(back).get(0)).isEqualTo("income,debt,state,class");
    CliRun xlsx = CliRun.of("resample", data.toString(), "--method", "RandomUnderSampler", "--out",
        dir.resolve("r.xlsx").toString());
    assertThat(xlsx.exit()).isEqualTo(2);
    assertThat(xlsx.err()).contains("known: .csv, .tsv");
    assertThat(dir.resolve("r.xlsx")).doesNotExist();
    Path numeric = dir.resolve("num.csv");
    Files.writeString(numeric, "a,b,class\n1,0,pos\n0,2.5,neg\n3,1,neg\n");
    Path svm = dir.resolve("r.libsvm");
    CliRun l = CliRun.of("resample", numeric.toString(), "--method", "RandomOverSampler", "--out", svm.toString());
    assertThat(l.exit()).as(l.err()).isZero();
    assertThat(l.out()).contains("0 = neg, 1 = pos");
    for (String line : Files.readAllLines(svm)) {
      assertThat(line).matches("[01]( \\d+:[-0-9.eE]+)*");
    }
  }

  @Test
  void resumeIsRefusedWithOtherOptionsAndAFinishedRunIsNotTrainedAgain() throws IOException {
    Path m = dir.resolve("resumable");
    CliRun first = CliRun.of("train", data.toString(), "--epochs", "4", "--batch-size", "32", "--out", m.toString());
    assertThat(first.exit()).as(first.err()).isZero();
    JsonNode meta = OM.readTree(m.resolve("model.json").toFile());
    // epochs are 1-based everywhere: the printed best epoch is model.json's
    assertThat(first.out()).contains("at epoch " + meta.get("model").get("best_epoch").asInt() + ";");
    assertThat(OM.readTree(Files.readAllLines(m.resolve("history.jsonl")).get(0)).get("epoch").asInt()).isEqualTo(1);
    String history = Files.readString(m.resolve("history.jsonl"));

    // was: continued silently; model.json then named a loss that did not produce its best epoch
    CliRun other = CliRun.of("train", data.toString(), "--epochs", "4", "--batch-size", "32", "--loss", "focal",
        "--out", m.toString(), "--resume");
    assertThat(other.exit()).isEqualTo(2);
    assertThat(other.err()).contains("--loss ce -> focal");
    // was: a finished run trained ten more epochs
    CliRun again = CliRun.of("train", data.toString(), "--epochs", "4", "--batch-size", "32", "--out", m.toString(),
        "--resume");
    assertThat(again.exit()).as(again.err()).isZero();
    assertThat(again.out()).contains("has finished (epoch cap after 4 epochs)").contains("--epochs above 4");
    assertThat(Files.readString(m.resolve("history.jsonl"))).isEqualTo(history);
    CliRun more = CliRun.of("train", data.toString(), "--epochs", "6", "--batch-size", "32", "--out", m.toString(),
        "--resume");
    assertThat(more.exit()).as(more.err()).isZero();
    assertThat(Files.readAllLines(m.resolve("history.jsonl"))).hasSize(6);
  }

  @Test
  void aOneRowClassIsADataError() throws IOException {
    Path p = dir.resolve("onerow.csv");
    Files.writeString(p, table(40, 5, true, "CA") + "0.1,0.1,CA,odd\n");
    CliRun t = CliRun.of("train", p.toString(), "--epochs", "2", "--out", dir.resolve("m1").toString());
    assertThat(t.exit()).isEqualTo(1);
    assertThat(t.err()).contains("only 1 row");
    CliRun c = CliRun.of("compare", p.toString(), "--folds", "2", "--out", dir.resolve("c1").toString());
    assertThat(c.exit()).isEqualTo(1);
    assertThat(c.err()).contains("class 'odd' has 1 row: stratified cross-validation needs at least 2 rows");
  }

  @Test
  void helpPrintsNoWarnings() {
    for (String cmd : new String[] {"inspect", "resample", "train", "predict", "evaluate", "compare"}) {
      CliRun h = CliRun.of(cmd, "--help");
      assertThat(h.exit()).isZero();
      assertThat(h.err()).as(cmd).isEmpty();
      assertThat(h.out()).as(cmd).contains("Usage: imb " + cmd);
    }
  }
}
