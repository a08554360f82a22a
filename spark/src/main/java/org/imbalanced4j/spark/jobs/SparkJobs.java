package org.imbalanced4j.spark.jobs;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.imbalanced4j.DataException;
import org.imbalanced4j.InvalidOptionException;
import org.imbalanced4j.distributed.DistributedJobs;
import org.imbalanced4j.metrics.LabelReport;
import org.imbalanced4j.spark.data.Labels;
import org.imbalanced4j.spark.metrics.SparkMetrics;
import org.imbalanced4j.spark.sampling.NeighbourSampler;
import org.imbalanced4j.spark.sampling.SparkSampler;

/**
 * {@code imb resample} and {@code imb evaluate} on Spark: tables read and written as {@link
 * Tables} does, samplers made from imbalanced-learn's names and parameters ({@link SparkSamplers}),
 * numeric columns assembled into the features vector the neighbour samplers measure, and the new
 * rows' features written back into those columns.
 */
public final class SparkJobs implements DistributedJobs {
  private static final String FEATURES = "__imb_features";
  private SparkSession session;

  private SparkSession session(Engine engine) {
    if (session == null) {
      session = SparkSessions.start(engine.master(), engine.ui(), engine.progress());
    }
    return session;
  }

  @Override
  public List<String> strategies() {
    return SparkCompare.STRATEGIES;
  }

  @Override
  public CompareResult compare(Engine engine, CompareRequest r) {
    return guarded(() -> SparkCompare.run(session(engine), r));
  }

  @Override
  public void exportModel(Engine engine, String input, String target, String strategy, long seed, String dir) {
    guarded(() -> {
      SparkModels.export(session(engine), input, target, strategy, seed, dir);
      return null;
    });
  }

  @Override
  public long predict(Engine engine, String dir, String input, String output) {
    return guarded(() -> SparkModels.predict(session(engine), dir, input, output));
  }

  @Override
  public List<String> samplers() {
    return SparkSamplers.NAMES;
  }

  @Override
  public ResampleResult resample(Engine engine, ResampleRequest r) {
    return guarded(() -> doResample(engine, r));
  }

  @Override
  public EvaluateResult evaluate(Engine engine, EvaluateRequest r) {
    return guarded(() -> doEvaluate(engine, r));
  }

  /** Runs a job; any failure comes out as {@link #clean} makes it. */
  private static <T> T guarded(java.util.concurrent.Callable<T> job) {
    try {
      return job.call();
    } catch (Exception e) {
      throw clean(e);
    }
  }

  /**
   * A failure as one line: the project's own errors as they are (also when a task threw them), any
   * other by the message of its deepest cause (a malformed CSV row, a missing column).
   */
  static RuntimeException clean(Exception e) {
    Throwable t = e;
    Throwable root = e;
    while (t != null) {
      if (t instanceof DataException || t instanceof InvalidOptionException) {
        return (RuntimeException) t;
      }
      root = t;
      t = t.getCause();
    }
    if (e instanceof RuntimeException r && !(e.getClass().getName().startsWith("org.apache.spark"))
        && root == e) {
      return r;
    }
    return new DataException("spark: " + Tables.firstLine(root.getMessage()));
  }

  private ResampleResult doResample(Engine engine, ResampleRequest r) {
    SparkSampler sampler = SparkSamplers.create(r.method(), r.params(), r.seed());
    Dataset<Row> data = Tables.read(session(engine), r.input());
    String target = target(data, r.target());
    sampler.setLabelCol(target);
    List<String> features = new ArrayList<>(List.of(data.columns()));
    features.remove(target);
    boolean assembled = sampler instanceof NeighbourSampler;
    if (assembled) {
      data = data.withColumn(FEATURES, Tables.featureVector(data, target, sampler.name()
          + " on Spark measures distances between numeric columns", "drop it, or use a random sampler"));
      ((NeighbourSampler) sampler).setFeaturesCol(FEATURES);
    }
    long t0 = System.nanoTime();
    SparkSampler.Input in = sampler.prepare(data);
    Map<String, Long> before = new LinkedHashMap<>();
    for (int c = 0; c < in.labels().size(); c++) {
      before.put(in.labels().names().get(c), in.counts().count(c));
    }
    Dataset<Row> out = sampler.resample(in);
    if (assembled) {
      Column array = org.apache.spark.ml.functions.vector_to_array(out.col(FEATURES), "float64");
      List<Column> cols = new ArrayList<>();
      for (String name : data.columns()) {
        int j = features.indexOf(name);
        if (j >= 0) {
          cols.add(functions.coalesce(Labels.col(out, name).cast("double"), array.getItem(j)).as(name));
        } else if (!name.equals(FEATURES)) {
          cols.add(Labels.col(out, name));
        }
      }
      out = out.select(cols.toArray(Column[]::new));
    }
    Tables.write(out, r.output());
    double seconds = (System.nanoTime() - t0) / 1e9;
    Dataset<Row> written = Tables.read(session(engine), r.output());
    Labels.Counted counted = Labels.counted(written, target);
    Labels after = counted.labels();
    Map<String, Long> counts = new LinkedHashMap<>();
    long[] n = counted.counts().counts();
    for (int c = 0; c < n.length; c++) {
      counts.put(after.names().get(c), n[c]);
    }
    return new ResampleResult(before, counts, seconds, sampler.notes());
  }

  private EvaluateResult doEvaluate(Engine engine, EvaluateRequest r) {
    Dataset<Row> data = Tables.read(session(engine), r.input());
    String target = r.target() != null ? r.target() : lastTruthColumn(data);
    Labels.Counted counted = Labels.counted(data, target);
    Labels labels = counted.labels();
    List<String> names = labels.names();
    long[] counts = counted.counts().counts();
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("rows", Arrays.stream(counts).sum());
    Map<String, Long> classes = new LinkedHashMap<>();
    for (int c = 0; c < names.size(); c++) {
      classes.put(names.get(c), counts[c]);
    }
    out.put("classes", classes);
    List<String> columns = Arrays.asList(data.columns());
    String predicted = r.predicted() != null ? r.predicted() : columns.contains("predicted") ? "predicted" : null;
    int pos = -1;
    List<String> proba = names.stream().map(n -> "proba_" + n).toList();
    boolean allProba = columns.containsAll(proba);
    if (names.size() == 2) {
      pos = org.imbalanced4j.metrics.PositiveClass.choose(names, counts, r.positive());
      out.put("positive_label", names.get(pos));
      if (allProba) {
        out.put("log_loss", SparkMetrics.logLoss(data, target, proba));
      }
      String score = r.score() != null ? r.score()
          : columns.contains("proba_" + names.get(pos)) ? "proba_" + names.get(pos) : null;
      if (score != null) {
        SparkMetrics.Scores s = SparkMetrics.scores(data, target, score, names.get(pos));
        out.put("roc_auc_score", s.rocAuc());
        out.put("average_precision_score", s.averagePrecision());
        out.put("pr_auc_trapezoid", s.prAucTrapezoid());
        Row range = data.agg(functions.min(score), functions.max(score)).first();
        if (((Number) range.get(0)).doubleValue() >= 0 && ((Number) range.get(1)).doubleValue() <= 1) {
          out.put("brier_score_loss", SparkMetrics.brier(data, target, score, names.get(pos)));
        }
      }
      if (predicted == null) {
        if (score == null) {
          throw new InvalidOptionException("nothing to evaluate: no predicted column and no score (give --score COL)");
        }
        Column decided = functions.when(Labels.col(data, score).geq(0.5), functions.lit(names.get(pos)))
            .otherwise(functions.lit(names.get(1 - pos)));
        data = data.withColumn("__imb_predicted", decided).withColumn(target, Labels.col(data, target).cast("string"));
        predicted = "__imb_predicted";
        out.put("decision", "threshold");
        out.put("threshold", 0.5);
      } else {
        out.put("decision", "predicted column");
      }
    } else if (predicted == null) {
      throw new InvalidOptionException("with --spark and more than two classes, evaluation needs a predicted column");
    } else {
      out.put("decision", "predicted column");
      if (allProba) {
        out.put("log_loss", SparkMetrics.logLoss(data, target, proba));
      }
    }
    SparkMetrics.Confusion cm = SparkMetrics.confusion(data, target, predicted);
    if (!cm.classes().equals(names)) {
      throw new DataException("the predicted column has classes " + cm.classes() + " beside the true classes " + names);
    }
    out.putAll(LabelReport.of(cm.matrix(), pos, names));
    return new EvaluateResult(out, names);
  }

  /** The last column that is neither a probability nor the predicted class. */
  private static String lastTruthColumn(Dataset<Row> data) {
    String[] cols = data.columns();
    for (int i = cols.length - 1; i >= 0; i--) {
      if (!cols[i].startsWith("proba_") && !cols[i].equals("predicted")) {
        return cols[i];
      }
    }
    throw new DataException("no column with the true class (all are proba_<class> or predicted)");
  }

  private static String target(Dataset<Row> data, String target) {
    String[] cols = data.columns();
    String t = target != null ? target : cols[cols.length - 1];
    Labels.field(data.schema(), t);
    return t;
  }



  @Override
  public void close() {
    if (session != null) {
      session.stop();
      session = null;
    }
  }
}
