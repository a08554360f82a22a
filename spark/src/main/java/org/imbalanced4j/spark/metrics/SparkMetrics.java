package org.imbalanced4j.spark.metrics;

import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.ml.linalg.VectorUDT;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.NumericType;
import org.apache.spark.storage.StorageLevel;
import org.imbalanced4j.DataException;
import org.imbalanced4j.InvalidOptionException;
import org.imbalanced4j.metrics.ConfusionMatrix;
import org.imbalanced4j.metrics.LabelReport;
import org.imbalanced4j.spark.data.Labels;

/**
 * Core's imbalance metrics over a Spark data set, with core's definitions and numbers (scikit-learn
 * 1.2's): the area under the ROC curve and the average precision exactly, by a distributed sort of
 * the distinct scores, not by Spark's {@code BinaryClassificationMetrics}, which bins the scores;
 * and every metric of predicted classes from the confusion matrix, counted in one aggregation and
 * then passed to core's {@link LabelReport}.
 *
 * <p>Scores: rows are grouped by score, the distinct scores sorted from high to low (a range
 * partitioned sort), each partition's positive and negative counts summed, and a second pass over
 * the sorted partitions adds each threshold's terms with the counts above it:
 *
 * <ul>
 *   <li>ROC AUC {@code = sum_i (FP_i - FP_{i-1}) (TP_i + TP_{i-1}) / (2 P N)}, the trapezoids of
 *       {@code roc_auc_score}, summed in exact integer arithmetic;
 *   <li>average precision {@code = sum_i (TP_i - TP_{i-1}) / P * TP_i / (TP_i + FP_i)}, {@code
 *       average_precision_score}'s step-wise area;
 *   <li>the trapezoidal area under the precision-recall curve, {@code auc(recall, precision)},
 *       from the point (recall 0, precision 1),
 * </ul>
 *
 * with {@code TP_i, FP_i} the rows with a score at or above the {@code i}-th distinct score.
 */
public final class SparkMetrics {
  private SparkMetrics() {}

  /** The score metrics of a binary problem and the class sizes they came from. */
  public record Scores(double rocAuc, double averagePrecision, double prAucTrapezoid, long positives,
      long negatives) {}

  /**
   * ROC AUC and average precision of {@code scoreCol} (a number, or a probability vector whose
   * element at the positive label's value is taken, as Spark's classifiers write it) for the class
   * {@code positiveClass} (a class name: {@code "1"}, {@code "fraud"}) against all others.
   */
  public static Scores scores(Dataset<Row> data, String labelCol, String scoreCol, String positiveClass) {
    Labels labels = Labels.of(data, labelCol);
    int pos = labels.codeOfName(positiveClass);
    if (pos < 0) {
      throw InvalidOptionException.unknown("positive class", positiveClass, labels.names());
    }
    Column score = scoreColumn(data, scoreCol, labels, pos);
    Column label = labels.column(data, labelCol);
    Column isPos = functions.when(label.equalTo(labels.value(pos)), 1L).otherwise(0L);
    Dataset<Row> grouped = data.select(score.as("s"), isPos.as("y")).groupBy("s")
        .agg(functions.sum("y").as("tp"), functions.count("y").as("n"))
        .orderBy(functions.col("s").desc());
    org.imbalanced4j.spark.data.Stages.name(data.sparkSession().sparkContext(), "sort the distinct scores");
    Dataset<Row> sorted = grouped.persist(StorageLevel.MEMORY_AND_DISK());
    try {
      return sortedScores(sorted);
    } finally {
      sorted.unpersist();
    }
  }

  private static Scores sortedScores(Dataset<Row> sorted) {
    JavaRDD<Row> rows = sorted.toJavaRDD();
    int parts = rows.getNumPartitions();
    List<long[]> sums = rows.mapPartitionsWithIndex((p, it) -> {
      long tp = 0;
      long all = 0;
      boolean nanScore = false;
      while (it.hasNext()) {
        Row r = it.next();
        nanScore |= r.isNullAt(0) || !Double.isFinite(r.getDouble(0));
        tp += r.getLong(1);
        all += r.getLong(2);
      }
      return List.of(new long[] {p, tp, all - tp, nanScore ? 1 : 0}).iterator();
    }, true).collect();
    long[] tpBefore = new long[parts + 1];
    long[] fpBefore = new long[parts + 1];
    for (long[] s : sums) {
      if (s[3] != 0) {
        throw new DataException("the scores hold NaN, infinite or empty values; metrics need finite scores");
      }
      tpBefore[(int) s[0] + 1] = s[1];
      fpBefore[(int) s[0] + 1] = s[2];
    }
    for (int p = 1; p <= parts; p++) {
      tpBefore[p] += tpBefore[p - 1];
      fpBefore[p] += fpBefore[p - 1];
    }
    long positives = tpBefore[parts];
    long negatives = fpBefore[parts];
    if (positives == 0 || negatives == 0) {
      throw new DataException("only one class is present in y_true; ROC AUC is not defined then");
    }
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(sorted.sparkSession().sparkContext());
    Broadcast<long[][]> offsets = jsc.broadcast(new long[][] {tpBefore, fpBefore});
    List<Terms> terms = rows.mapPartitionsWithIndex((p, it) -> {
      long tp = offsets.value()[0][p];
      long fp = offsets.value()[1][p];
      long area = 0; // sum of (FP_i - FP_{i-1})(TP_i + TP_{i-1}), exact
      double ap = 0;
      double carry = 0; // Kahan
      double pr = 0;
      double prCarry = 0;
      double precisionBefore = tp + fp == 0 ? 1 : (double) tp / (tp + fp);
      while (it.hasNext()) {
        Row r = it.next();
        long dtp = r.getLong(1);
        long dfp = r.getLong(2) - dtp;
        long tp1 = tp + dtp;
        long fp1 = fp + dfp;
        area += dfp * (tp1 + tp);
        double precision = (double) tp1 / (tp1 + fp1);
        if (dtp > 0) {
          double term = dtp * precision - carry;
          double t = ap + term;
          carry = (t - ap) - term;
          ap = t;
          double trap = dtp * (precision + precisionBefore) / 2 - prCarry;
          double u = pr + trap;
          prCarry = (u - pr) - trap;
          pr = u;
        }
        precisionBefore = precision;
        tp = tp1;
        fp = fp1;
      }
      return List.of(new Terms(area, ap, pr)).iterator();
    }, true).collect();
    offsets.destroy();
    long area = 0;
    double ap = 0;
    double pr = 0;
    for (Terms t : terms) {
      area += t.area();
      ap += t.ap();
      pr += t.pr();
    }
    double auc = area / (2.0 * positives * negatives);
    return new Scores(auc, ap / positives, pr / positives, positives, negatives);
  }

  /** A partition's share: the exact trapezoid sum and the average precision's sum. */
  private record Terms(long area, double ap, double pr) implements java.io.Serializable {}

  /**
   * The Brier score of the positive class's probability, {@code mean((y - p)^2)}; a data error when
   * a probability is outside [0, 1].
   */
  public static double brier(Dataset<Row> data, String labelCol, String probabilityCol, String positiveClass) {
    Labels labels = Labels.of(data, labelCol);
    int pos = labels.codeOfName(positiveClass);
    Column label = labels.column(data, labelCol);
    Column p = Labels.col(data, probabilityCol).cast(DataTypes.DoubleType);
    Column y = functions.when(label.equalTo(labels.value(pos)), 1.0).otherwise(0.0);
    Row r = data.agg(functions.avg(functions.pow(y.minus(p), 2)), functions.min(p), functions.max(p)).first();
    if (r.isNullAt(1) || r.getDouble(1) < 0 || r.getDouble(2) > 1 || Double.isNaN(r.getDouble(2))) {
      throw new DataException("probabilities must be in [0, 1]; '" + probabilityCol + "' has values from "
          + r.get(1) + " to " + r.get(2));
    }
    return r.getDouble(0);
  }

  /**
   * Log loss, {@code -mean(log(p_true / sum_c p_c))} with each probability clipped to {@code [eps, 1
   * - eps]} ({@code eps} the double's machine epsilon), as core (scikit-learn 1.2) computes it;
   * {@code probabilityCols} holds one column per class, in the classes' order.
   */
  public static double logLoss(Dataset<Row> data, String labelCol, List<String> probabilityCols) {
    Labels labels = Labels.of(data, labelCol);
    if (probabilityCols.size() != labels.size()) {
      throw new DataException(labels.size() + " classes but " + probabilityCols.size() + " probability columns");
    }
    double eps = Math.ulp(1.0);
    Column label = labels.column(data, labelCol);
    Column sum = null;
    Column truth = null;
    for (int c = 0; c < labels.size(); c++) {
      Column clipped = functions.least(functions.greatest(Labels.col(data, probabilityCols.get(c)).cast(DataTypes.DoubleType),
          functions.lit(eps)), functions.lit(1 - eps));
      sum = sum == null ? clipped : sum.plus(clipped);
      truth = truth == null ? functions.when(label.equalTo(labels.value(c)), clipped)
          : truth.when(label.equalTo(labels.value(c)), clipped);
    }
    return data.agg(functions.avg(functions.log(truth.divide(sum)).multiply(-1.0))).first().getDouble(0);
  }

  private static Column scoreColumn(Dataset<Row> data, String scoreCol, Labels labels, int pos) {
    DataType t = Labels.field(data.schema(), scoreCol).dataType();
    if (t instanceof NumericType) {
      return Labels.col(data, scoreCol).cast(DataTypes.DoubleType);
    }
    if (t instanceof VectorUDT) {
      if (labels.type() == DataTypes.StringType) {
        throw new DataException("score column '" + scoreCol + "' is a vector, but the labels are text: "
            + "give the positive class's probability as a number column");
      }
      int index = (int) (double) (Double) labels.value(pos);
      return org.apache.spark.ml.functions.vector_to_array(Labels.col(data, scoreCol), "float64").getItem(index);
    }
    throw new DataException("score column '" + scoreCol + "' is " + t.simpleString() + "; scores are numbers");
  }

  /**
   * The confusion matrix of {@code labelCol} against {@code predictionCol} over the classes of
   * both (names sorted as {@link Labels} sorts them), counted in one aggregation.
   */
  public static Confusion confusion(Dataset<Row> data, String labelCol, String predictionCol) {
    org.apache.spark.sql.types.DataType tt = Labels.field(data.schema(), labelCol).dataType();
    org.apache.spark.sql.types.DataType pt = Labels.field(data.schema(), predictionCol).dataType();
    if ((tt == DataTypes.StringType) != (pt == DataTypes.StringType)) {
      throw new DataException("the class column '" + labelCol + "' is " + tt.simpleString() + " but the predicted "
          + "column '" + predictionCol + "' is " + pt.simpleString() + ": classes must be named alike");
    }
    Dataset<Row> both = data.select(Labels.col(data, labelCol).as("t"), Labels.col(data, predictionCol).as("p"));
    Dataset<Row> classes = both.select("t").union(both.select("p")).withColumnRenamed("t", "c");
    Labels labels = Labels.of(classes, "c");
    org.imbalanced4j.spark.data.Stages.name(data.sparkSession().sparkContext(), "count the confusion matrix");
    Dataset<Row> counted = both.groupBy("t", "p").count();
    int k = labels.size();
    long[][] cm = new long[k][k];
    for (Row r : counted.collectAsList()) {
      cm[labels.code(r, 0)][labels.code(r, 1)] += r.getLong(2);
    }
    return new Confusion(labels.names(), ConfusionMatrix.of(cm));
  }

  /** A confusion matrix and its class names by code. */
  public record Confusion(List<String> classes, ConfusionMatrix matrix) {
    /** Core's report of it ({@code imb evaluate}'s metrics), for {@code positiveClass} or null. */
    public Map<String, Object> report(String positiveClass) {
      int pos = positiveClass == null ? -1 : classes.indexOf(positiveClass);
      if (positiveClass != null && pos < 0) {
        throw InvalidOptionException.unknown("positive class", positiveClass, classes);
      }
      return LabelReport.of(matrix, pos, classes);
    }
  }
}
