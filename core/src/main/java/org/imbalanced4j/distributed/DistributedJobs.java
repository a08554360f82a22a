package org.imbalanced4j.distributed;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * What the command line asks of a cluster engine, so that {@code imb resample} and {@code imb
 * evaluate} scale out with {@code --spark} while core stays free of it: the {@code spark} module
 * implements this and registers it as a service; the command line finds it only when asked, so
 * commands that run on one machine load none of it.
 *
 * <p>Files are read and written by the engine: CSV, or Parquet (a {@code .parquet} file or a
 * directory), the output's kind by its ending; errors in the data are the project's {@link
 * org.imbalanced4j.DataException}.
 */
public interface DistributedJobs extends AutoCloseable {
  /** Where the engine runs and how it reports. */
  record Engine(String master, boolean ui, Consumer<String> progress) {}

  /**
   * A resampling of a table: a sampler by imbalanced-learn's name with its parameters (as {@code
   * imb resample --param} gives them), the class column ({@code null}: the last column).
   */
  record ResampleRequest(String input, String output, String target, String method, Map<String, String> params,
      long seed) {}

  /**
   * Rows per class before and after, by class name, the seconds the resampling took, and what the
   * engine chose that the user should know (an approximate neighbour search, say).
   */
  record ResampleResult(Map<String, Long> before, Map<String, Long> after, double seconds, List<String> notes) {}

  /**
   * An evaluation of predictions: the true class column, the positive class's score column (or
   * null), the predicted class column (or null), the positive class (or null: chosen as {@code imb
   * evaluate} chooses it).
   */
  record EvaluateRequest(String input, String target, String score, String predicted, String positive) {}

  /**
   * The metrics by scikit-learn's names, as {@code imb evaluate --json} prints them: class counts,
   * {@code roc_auc_score} and {@code average_precision_score} when there is a score, every label
   * metric when there are predictions.
   */
  record EvaluateResult(Map<String, Object> metrics, List<String> classes) {}

  /**
   * A comparison of strategies under stratified k-fold cross-validation: the strategies by name
   * ({@code null}: the engine's default grid), racing or not, and the results database (or null)
   * whose folds of the same run ({@code runId}) are reused rather than fitted again.
   */
  record CompareRequest(String input, String target, int folds, long seed, List<String> strategies, boolean race,
      String resultsFile, String runId) {}

  /** One strategy's metrics on one test fold, by scikit-learn's names, and its seconds. */
  record FoldScore(String strategy, int fold, Map<String, Double> metrics, double seconds) {}

  /**
   * A strategy's out-of-fold results: the confusion matrix summed over the folds, and for two
   * classes the ROC and precision-recall curves of the positive class's probability at 200 bins
   * (x, y pairs; the exact areas are in the fold metrics), the fold after which racing dropped it
   * (0: never), or the reason it could not run.
   */
  record StrategyResult(String strategy, long[][] confusion, double[][] roc, double[][] pr, int droppedAfter,
      String notApplicable) {}

  /**
   * The classes (in code order) and their rows, the fold scores, each strategy's results, and how
   * many fold fits ran and how many were reused from {@code resultsFile}.
   */
  record CompareResult(List<String> classes, long[] counts, int positive, List<FoldScore> folds,
      List<StrategyResult> strategies, int computed, int reused) {}

  /**
   * Retrains {@code strategy} on all rows of {@code input} and saves it to {@code dir} (Spark's
   * format under {@code dir/spark}, with {@code dir/spark-model.json} naming its features and
   * classes), for {@link #predict}.
   */
  void exportModel(Engine engine, String input, String target, String strategy, long seed, String dir);

  /** Scores {@code input} with the model {@link #exportModel} saved in {@code dir}: rows written to {@code output}. */
  long predict(Engine engine, String dir, String input, String output);

  /** The file a Spark model directory holds, by which the command line knows one. */
  String SPARK_MODEL = "spark-model.json";

  /** The strategies {@link #compare} runs when none are named, and the names it takes. */
  List<String> strategies();

  /** Runs a comparison on the engine. */
  CompareResult compare(Engine engine, CompareRequest request);

  /** The samplers this engine runs, by imbalanced-learn's names. */
  List<String> samplers();

  /** Resamples a table on the engine. */
  ResampleResult resample(Engine engine, ResampleRequest request);

  /** Evaluates predictions on the engine. */
  EvaluateResult evaluate(Engine engine, EvaluateRequest request);

  /** Stops the engine. */
  @Override
  void close();
}
