package org.imbalanced4j.examples;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.imbalanced4j.api.Models;
import org.imbalanced4j.api.ScoringModel;
import org.imbalanced4j.data.Dataset;
import org.imbalanced4j.experiment.Compare;
import org.imbalanced4j.experiment.CompareListener;
import org.imbalanced4j.experiment.CompareResult;
import org.imbalanced4j.experiment.Grid;
import org.imbalanced4j.experiment.RankMetric;
import org.imbalanced4j.io.AtomicFiles;
import org.imbalanced4j.io.Datasets;
import org.imbalanced4j.io.ReadOptions;
import org.imbalanced4j.metrics.Evaluation;
import org.imbalanced4j.split.Split;
import org.imbalanced4j.split.StratifiedShuffleSplit;

/**
 * A fraud-style batch job: the labelled history picks its strategy by a small compare under
 * stratified cross-validation, the winner is saved as a model directory, loaded back as the
 * scoring service would load it, and scores the new rows; their true classes (known here, as they
 * are after investigation) give the rare class's precision and recall.
 *
 * <pre>
 * java -cp ... org.imbalanced4j.examples.FraudBatchJob builtin:lending_club class work/
 * </pre>
 */
public final class FraudBatchJob {
  private FraudBatchJob() {}

  /** What the job did: the winning strategy, its figures and where it wrote. */
  public record Report(String winner, double cvBalancedAccuracy, double newRowsRecall, double newRowsPrecision,
      int newRows, Path model, Path scores) {}

  /** The grid raced: resampling or not, two learners, argmax or a tuned threshold. */
  static final Map<String, List<?>> GRID = Map.of(
      "samplers", List.of("none", "RandomUnderSampler"),
      "learners", List.of(Map.of("logistic", Map.of("class_weight", "balanced")), "logistic",
          Map.of("knn", Map.of("n_neighbors", 15))),
      "thresholds", List.of("argmax", "tuned"));

  /**
   * Runs the job on a table (a path or {@code builtin:NAME}) whose class column is {@code target}:
   * 20% of the rows stand for tomorrow's, the rest is the history.
   */
  public static Report run(String table, String target, Path work, long seed) throws Exception {
    Dataset all = Datasets.read(table, ReadOptions.builder().optTarget(target).build());
    Split split = StratifiedShuffleSplit.trainTestSplit(all.labels(), 0.2, seed);
    Dataset history = all.subset(split.train()).compact();
    Dataset incoming = all.subset(split.test()).compact();

    CompareResult result = Compare.builder()
        .optGrid(Grid.of(GRID, history))
        .optFolds(3)
        .optSeed(seed)
        .optJobs(2)
        .optRankBy(RankMetric.BALANCED_ACCURACY) // the default: each class's recall counts alike
        .optSource(table)
        .optListener(new CompareListener() {
          @Override
          public void message(String line) {
            System.err.println(line);
          }
        })
        .build()
        .run(history);
    Map<String, Object> best = result.ranking().get(0);
    String winner = (String) best.get("candidate");

    Path model = work.resolve("model");
    result.saveWinner(model);
    ScoringModel scoring = Models.load(model); // as the scoring service loads it

    double[][] proba = scoring.predictProba(incoming);
    List<String> decided = scoring.predict(incoming);
    Path scores = work.resolve("scores.csv");
    Files.createDirectories(work);
    int rare = all.classCounts().minority();
    String rareName = all.schema().classNames().get(rare);
    AtomicFiles.writeString(scores, csv(incoming, proba, decided, scoring.classes()));

    int[] predicted = decided.stream().mapToInt(c -> scoring.classes().indexOf(c)).toArray();
    Evaluation e = Evaluation.builder(incoming.labels(), scoring.classes()).optProba(proba).optPredicted(predicted)
        .optPositiveLabel(rareName).build();
    double recall = e.metric("recall_score.binary");
    double precision = e.metric("precision_score.binary");
    return new Report(winner, result.mean(winner, "balanced_accuracy_score"), recall, precision, incoming.rows(),
        model, scores);
  }

  private static String csv(Dataset rows, double[][] proba, List<String> decided, List<String> classes) {
    StringBuilder sb = new StringBuilder("row,class");
    for (String c : classes) {
      sb.append(",proba_").append(c);
    }
    sb.append(",predicted\n");
    for (int i = 0; i < proba.length; i++) {
      sb.append(i).append(',').append(rows.className(i));
      for (double p : proba[i]) {
        sb.append(',').append(String.format(Locale.ROOT, "%.6f", p));
      }
      sb.append(',').append(decided.get(i)).append('\n');
    }
    return sb.toString();
  }

  /**
   * Runs the job: {@code TABLE TARGET WORK_DIR [SEED]}.
   *
   * @param args the table, its class column, the work directory and optionally the seed
   */
  public static void main(String[] args) throws Exception {
    if (args.length < 3) {
      System.err.println("usage: FraudBatchJob TABLE TARGET WORK_DIR [SEED]");
      System.exit(2);
    }
    Report r = run(args[0], args[1], Path.of(args[2]), args.length > 3 ? Long.parseLong(args[3]) : 0);
    System.out.printf(Locale.ROOT, "winner: %s (cross-validated balanced accuracy %.3f)%n", r.winner(),
        r.cvBalancedAccuracy());
    System.out.printf(Locale.ROOT, "new rows: %d scored; rare class recall %.3f, precision %.3f; scores in %s%n",
        r.newRows(), r.newRowsRecall(), r.newRowsPrecision(), r.scores());
  }
}
