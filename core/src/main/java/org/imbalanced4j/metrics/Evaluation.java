package org.imbalanced4j.metrics;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.imbalanced4j.InvalidOptionException;
import org.imbalanced4j.numeric.Indices;
import org.imbalanced4j.threshold.ThresholdChoice;
import org.imbalanced4j.threshold.Thresholds;

/**
 * Every metric of a set of predictions, in memory: what {@code imb evaluate --json} prints, by
 * scikit-learn's and imbalanced-learn's function names. Immutable; {@link #metrics()} is the
 * ordered map the command writes as JSON.
 *
 * <p>Two classes: the positive class is {@code pos_label} when given, else 1, true, yes or pos when
 * present, else the minority class; decisions are the predicted labels when given, else the
 * positive class's score at a threshold (0.5 for probabilities, 0 for other scores, or chosen:
 * largest F1, or least cost). Score metrics: {@code roc_auc_score}, {@code average_precision_score},
 * {@code pr_auc_trapezoid}, {@code brier_score_loss} and {@code log_loss}. More classes: decisions
 * are the predicted labels or the largest probability; ROC AUC one-vs-rest and one-vs-one, macro
 * and weighted, and per-class average precision. Label metrics of the decisions for both
 * ({@link LabelReport}), and with {@code bootstrap} rounds 95% stratified-bootstrap intervals.
 *
 * <pre>{@code
 * Evaluation e = Evaluation.of(yTrue, proba);       // class codes 0..k-1, one column per class
 * double bacc = e.metric("balanced_accuracy_score");
 * }</pre>
 */
public final class Evaluation {
  private final List<String> classes;
  private final int[] truth;
  private final int[] predicted;
  private final double[] score;
  private final double[][] proba;
  private final int positive;
  private final Map<String, Object> metrics;

  private Evaluation(Builder b, int positive, double[] score, int[] predicted, Map<String, Object> metrics) {
    this.classes = List.copyOf(b.classes);
    this.truth = b.truth.clone();
    this.proba = b.proba == null ? null : Arrays.stream(b.proba).map(double[]::clone).toArray(double[][]::new);
    this.positive = positive;
    this.score = score == null ? null : score.clone();
    this.predicted = predicted.clone();
    this.metrics = Collections.unmodifiableMap(metrics);
  }

  /**
   * The metrics of probabilities {@code proba[i][c]} for true class codes {@code yTrue} (classes
   * named {@code "0"} to {@code "k-1"}), decided by the largest probability or, for two classes,
   * the positive class's probability at 0.5: what {@code imb evaluate --json} prints for a file of
   * the true class and one {@code proba_<class>} column per class.
   */
  public static Evaluation of(int[] yTrue, double[][] proba) {
    int k = proba.length == 0 ? 0 : proba[0].length;
    return builder(yTrue, IntStream.range(0, k).mapToObj(String::valueOf).toList()).optProba(proba).build();
  }

  /** The same with named classes: {@code yTrue[i]} one of {@code classes}, proba columns in their order. */
  public static Evaluation of(String[] yTrue, double[][] proba, List<String> classes) {
    Map<String, Integer> code = new LinkedHashMap<>();
    for (int c = 0; c < classes.size(); c++) {
      code.put(classes.get(c), c);
    }
    int[] y = new int[yTrue.length];
    for (int i = 0; i < y.length; i++) {
      Integer c = code.get(yTrue[i]);
      if (c == null) {
        throw new IllegalArgumentException("true class '" + yTrue[i] + "' of row " + i + " is none of " + classes);
      }
      y[i] = c;
    }
    return builder(y, classes).optProba(proba).build();
  }

  /** Evaluates predictions of rows whose true class codes are {@code truth} ({@code classes} in code order). */
  public static Builder builder(int[] truth, List<String> classes) {
    return new Builder(truth, classes);
  }

  /** The metrics, in the order and with the names of {@code imb evaluate --json}. */
  public Map<String, Object> metrics() {
    return metrics;
  }

  /**
   * A metric that is one number, by its name ({@code balanced_accuracy_score}, {@code
   * roc_auc_score}, ...) or, inside a metric by average, by its path ({@code recall_score.binary},
   * {@code f1_score.macro}).
   */
  public double metric(String name) {
    Object v = metrics.get(name);
    String[] path = name.split("\\.");
    if (v == null && path.length > 1) {
      v = metrics;
      for (String part : path) {
        v = v instanceof Map<?, ?> m ? m.get(part) : null;
      }
    }
    if (!(v instanceof Number n)) {
      throw new IllegalArgumentException("no single-number metric '" + name + "'; have " + metrics.keySet());
    }
    return n.doubleValue();
  }

  /** The class names, in code order. */
  public List<String> classes() {
    return classes;
  }

  /** The true class codes. */
  public int[] truth() {
    return truth.clone();
  }

  /** The decisions the label metrics are of, as class codes. */
  public int[] predicted() {
    return predicted.clone();
  }

  /** The positive class's code with two classes, -1 with more. */
  public int positive() {
    return positive;
  }

  /** The positive class's scores with two classes (null without scores or with more classes). */
  public double[] score() {
    return score == null ? null : score.clone();
  }

  /** The probabilities evaluated, null when none were given. */
  public double[][] proba() {
    return proba == null ? null : Arrays.stream(proba).map(double[]::clone).toArray(double[][]::new);
  }

  /** Rows of each class among the true classes. */
  public long[] counts() {
    return counts(truth, classes.size());
  }

  /**
   * The positive class of two: {@code given} by name when not null, else the class a score column
   * is of ({@code scoreClass}, -1: unknown), else as {@link PositiveClass#choose} picks.
   */
  public static int positiveClass(List<String> classes, long[] counts, String given, int scoreClass) {
    if (given == null && scoreClass >= 0) {
      return scoreClass;
    }
    return PositiveClass.choose(classes, counts, given);
  }

  /** Whether every score lies in [0, 1], as probabilities do. */
  public static boolean inUnitInterval(double[] s) {
    for (double v : s) {
      if (v < 0 || v > 1) {
        return false;
      }
    }
    return true;
  }

  private static long[] counts(int[] y, int k) {
    long[] n = new long[k];
    for (int v : y) {
      n[v]++;
    }
    return n;
  }

  /** Builds an {@link Evaluation}; what is not given is not evaluated. */
  public static final class Builder {
    private final int[] truth;
    private final List<String> classes;
    private double[][] proba;
    private double[] score;
    private int scoreClass = -1;
    private int[] predicted;
    private String positiveLabel;
    private Double threshold;
    private boolean autoThreshold;
    private double[][] cost;
    private int bootstrap;
    private long seed;
    private long dropped;

    private Builder(int[] truth, List<String> classes) {
      this.truth = truth.clone();
      this.classes = List.copyOf(classes);
      for (int i = 0; i < truth.length; i++) {
        if (truth[i] < 0 || truth[i] >= classes.size()) {
          throw new IllegalArgumentException("true class code " + truth[i] + " of row " + i + " is not in [0, "
              + classes.size() + ")");
        }
      }
    }

    /** Probabilities {@code proba[i][c]}, one column per class in code order. */
    public Builder optProba(double[][] proba) {
      if (proba.length != truth.length) {
        throw new IllegalArgumentException(proba.length + " rows of probabilities for " + truth.length + " rows");
      }
      for (double[] row : proba) {
        if (row.length != classes.size()) {
          throw new IllegalArgumentException("probability rows of " + row.length + " columns for "
              + classes.size() + " classes " + classes);
        }
      }
      this.proba = proba;
      return this;
    }

    /** Two classes: the scores of class {@code scoreClass} (-1: the positive class), higher = more likely. */
    public Builder optScore(double[] score, int scoreClass) {
      if (score.length != truth.length) {
        throw new IllegalArgumentException(score.length + " scores for " + truth.length + " rows");
      }
      this.score = score;
      this.scoreClass = scoreClass;
      return this;
    }

    /** The decided labels as class codes; label metrics use them unless a threshold is set. */
    public Builder optPredicted(int[] predicted) {
      if (predicted.length != truth.length) {
        throw new IllegalArgumentException(predicted.length + " predictions for " + truth.length + " rows");
      }
      this.predicted = predicted;
      return this;
    }

    /** Two classes: the positive class by name. */
    public Builder optPositiveLabel(String label) {
      this.positiveLabel = label;
      return this;
    }

    /** Two classes: decide by this threshold on the positive class's score. */
    public Builder optThreshold(double threshold) {
      this.threshold = threshold;
      this.autoThreshold = false;
      return this;
    }

    /**
     * Two classes: decide by the threshold of least cost under {@code cost} ({@code cost[true][decided]},
     * 2 × 2), or of largest F1 when {@code cost} is null.
     */
    public Builder optAutoThreshold(double[][] cost) {
      this.autoThreshold = true;
      this.threshold = null;
      this.cost = cost;
      return this;
    }

    /** {@code rounds} of a stratified bootstrap (0: none) for 95% intervals, drawn with {@code seed}. */
    public Builder optBootstrap(int rounds, long seed) {
      if (rounds < 0 || rounds == 1) {
        throw new IllegalArgumentException("bootstrap rounds must be 0 or at least 2, got " + rounds);
      }
      this.bootstrap = rounds;
      this.seed = seed;
      return this;
    }

    /** Rows the reader dropped (a missing value), reported as {@code dropped_rows}. */
    public Builder optDroppedRows(long dropped) {
      this.dropped = dropped;
      return this;
    }

    /** Computes every metric the inputs allow. */
    public Evaluation build() {
      int k = classes.size();
      int[] y = truth;
      long[] counts = counts(y, k);
      Map<String, Object> out = new LinkedHashMap<>();
      out.put("rows", y.length);
      Map<String, Long> perClass = new LinkedHashMap<>();
      for (int c = 0; c < k; c++) {
        perClass.put(classes.get(c), counts[c]);
      }
      out.put("classes", perClass);
      if (dropped > 0) {
        out.put("dropped_rows", dropped);
      }
      List<String> absentNames = IntStream.range(0, k).filter(c -> counts[c] == 0).mapToObj(classes::get).toList();
      boolean allPresent = absentNames.isEmpty();
      String absent = "no true row of class " + String.join(", ", absentNames);
      Map<String, String> skipped = new LinkedHashMap<>();
      int[] decided;
      int pos = -1;
      double[] s = null;
      if (k == 2) {
        pos = positiveClass(classes, counts, positiveLabel, scoreClass);
        s = score != null ? score : proba != null ? OneVsRest.of(y, proba, pos).score() : null;
        if (score != null && scoreClass >= 0 && scoreClass != pos) {
          throw new InvalidOptionException("the score is of class '" + classes.get(scoreClass)
              + "', not of the positive class '" + classes.get(pos) + "'");
        }
        out.put("positive_label", classes.get(pos));
        boolean[] isPos = OneVsRest.isClass(y, pos);
        if (proba != null) {
          out.put("log_loss", ProbabilityMetrics.logLoss(y, proba));
        }
        if (threshold != null || autoThreshold || predicted == null) {
          if (s == null) {
            throw new InvalidOptionException("a threshold needs scores: no probabilities or scores were given");
          }
          double th;
          if (autoThreshold) {
            ThresholdChoice c = cost != null ? Thresholds.minimizeCost(isPos, s, cost) : Thresholds.maximizeFbeta(isPos, s, 1.0);
            out.put("threshold_criterion", c.criterion());
            th = c.threshold();
          } else {
            th = threshold != null ? threshold : inUnitInterval(s) ? 0.5 : 0.0;
          }
          out.put("decision", "threshold");
          out.put("threshold", th);
          decided = new int[y.length];
          for (int i = 0; i < y.length; i++) {
            decided[i] = s[i] >= th ? pos : 1 - pos;
          }
        } else {
          out.put("decision", "predicted column");
          decided = predicted;
        }
        if (s != null && allPresent) {
          out.put("roc_auc_score", ScoreMetrics.rocAuc(isPos, s));
          out.put("average_precision_score", ScoreMetrics.averagePrecision(isPos, s));
          out.put("pr_auc_trapezoid", ScoreMetrics.prAucTrapezoid(isPos, s));
        } else if (s != null) {
          skipped.put("roc_auc_score, average_precision_score", absent);
        }
        if (s != null && inUnitInterval(s)) {
          out.put("brier_score_loss", ScoreMetrics.brier(isPos, s));
        }
        if (bootstrap > 0) {
          out.put("confidence_intervals", intervals(isPos, s, decided, allPresent));
        }
      } else {
        if (threshold != null || autoThreshold) {
          throw new InvalidOptionException("a threshold is for two classes; these predictions have " + k
              + " classes " + classes + ", decided by the predicted labels or the largest probability");
        }
        if (score != null) {
          throw new InvalidOptionException("a single score is for two classes; these predictions have " + k + " "
              + classes + ": give one probability column per class");
        }
        if (predicted == null && proba == null) {
          throw new InvalidOptionException("nothing to evaluate: neither predicted labels nor probabilities");
        }
        decided = predicted != null ? predicted : Thresholds.applyOffsets(proba, new double[k]);
        out.put("decision", predicted != null ? "predicted column" : "largest probability");
        if (proba != null) {
          out.put("log_loss", ProbabilityMetrics.logLoss(y, proba));
          if (allPresent) {
            scoreMetrics(out, proba, counts);
          } else {
            skipped.put("roc_auc_score, average_precision_score", absent);
          }
        }
        if (bootstrap > 0) {
          out.put("confidence_intervals", intervals(null, null, decided, false));
        }
      }
      out.putAll(LabelReport.of(ConfusionMatrix.of(y, decided, k), pos, classes));
      if (!skipped.isEmpty()) {
        out.put("skipped", skipped);
      }
      return new Evaluation(this, pos, s, decided, out);
    }

    private void scoreMetrics(Map<String, Object> out, double[][] p, long[] counts) {
      int k = classes.size();
      double[] perClassAp = new double[k];
      for (int c = 0; c < k; c++) {
        OneVsRest ovr = OneVsRest.of(truth, p, c);
        perClassAp[c] = ScoreMetrics.averagePrecision(ovr.positive(), ovr.score());
      }
      Map<String, Double> ap = new LinkedHashMap<>();
      ap.put("macro", Arrays.stream(perClassAp).sum() / k);
      double ws = 0;
      for (int c = 0; c < k; c++) {
        ws += perClassAp[c] * counts[c];
      }
      ap.put("weighted", ws / truth.length);
      out.put("average_precision_score", ap);
      Map<String, Double> auc = new LinkedHashMap<>();
      for (String mc : new String[] {"ovr", "ovo"}) {
        for (Average a : new Average[] {Average.MACRO, Average.WEIGHTED}) {
          auc.put(mc + "_" + a.key(), mc.equals("ovr") ? ProbabilityMetrics.rocAucOvr(truth, p, a)
              : ProbabilityMetrics.rocAucOvo(truth, p, a));
        }
      }
      out.put("roc_auc_score", auc);
    }

    private Map<String, Object> intervals(boolean[] isPos, double[] s, int[] decided, boolean scores) {
      int k = classes.size();
      int[] y = truth;
      Map<String, Object> ci = new LinkedHashMap<>();
      if (s != null && scores) {
        ci.put("roc_auc_score", interval(rows -> ScoreMetrics.rocAuc(pick(isPos, rows), pick(s, rows))));
        ci.put("average_precision_score",
            interval(rows -> ScoreMetrics.averagePrecision(pick(isPos, rows), pick(s, rows))));
      }
      ci.put("balanced_accuracy_score", interval(rows ->
          LabelMetrics.balancedAccuracy(Indices.gather(y, rows), Indices.gather(decided, rows), k, false)));
      return ci;
    }

    private Map<String, Object> interval(Bootstrap.Metric m) {
      Bootstrap.Interval iv = Bootstrap.interval(truth, m, bootstrap, 0.95, seed);
      Map<String, Object> r = new LinkedHashMap<>();
      r.put("low", iv.low());
      r.put("high", iv.high());
      r.put("level", iv.level());
      r.put("rounds", iv.rounds());
      return r;
    }
  }

  private static boolean[] pick(boolean[] a, int[] rows) {
    boolean[] out = new boolean[rows.length];
    for (int i = 0; i < rows.length; i++) {
      out[i] = a[rows[i]];
    }
    return out;
  }

  private static double[] pick(double[] a, int[] rows) {
    double[] out = new double[rows.length];
    for (int i = 0; i < rows.length; i++) {
      out[i] = a[rows[i]];
    }
    return out;
  }
}
