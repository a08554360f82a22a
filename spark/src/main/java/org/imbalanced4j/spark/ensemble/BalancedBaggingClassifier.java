package org.imbalanced4j.spark.ensemble;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.spark.ml.Estimator;
import org.apache.spark.ml.Model;
import org.apache.spark.ml.classification.LogisticRegression;
import org.apache.spark.ml.classification.ProbabilisticClassifier;
import org.apache.spark.ml.param.BooleanParam;
import org.apache.spark.ml.param.IntParam;
import org.apache.spark.ml.param.LongParam;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.util.DefaultParamsReader;
import org.apache.spark.ml.util.DefaultParamsWriter;
import org.apache.spark.ml.util.Identifiable;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.ml.util.MLWritable;
import org.apache.spark.ml.util.MLWriter;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;
import org.imbalanced4j.DataException;
import org.imbalanced4j.InvalidOptionException;
import org.imbalanced4j.sampling.SamplingStrategy;
import org.imbalanced4j.spark.data.Labels;
import org.imbalanced4j.spark.sampling.RandomUnderSampler;
import org.imbalanced4j.spark.sampling.SparkSampler;

/**
 * Balanced bagging on Spark, after imbalanced-learn's {@code BalancedBaggingClassifier}: {@code
 * nEstimators} copies of a Spark classifier (any {@code ProbabilisticClassifier}; logistic
 * regression by default), each trained on its own bag, a random under-sample of the data drawn
 * per class to the {@code samplingStrategy}'s counts (with replacement when {@code bootstrap}),
 * and their class probabilities averaged. Bags are drawn from one count of the data, each by its
 * own seed, and trained {@code parallelism} at a time as concurrent Spark jobs.
 *
 * <p>Labels are Spark's: the numbers {@code 0, 1, ..., K-1} (index text labels with {@code
 * StringIndexer}). Reference: Wang and Yao, "Diversity analysis on imbalanced data sets by using
 * ensemble models", CIDM 2009.
 */
public class BalancedBaggingClassifier extends Estimator<BalancedBaggingModel> implements MLWritable {
  private static final long serialVersionUID = 1L;

  private final String uid;
  private final Param<String> labelCol;
  private final Param<String> featuresCol;
  private final IntParam nEstimators;
  private final Param<String> samplingStrategy;
  private final BooleanParam bootstrap;
  private final LongParam seed;
  private final IntParam parallelism;
  private Estimator<?> base;

  /** A stage with the given unique id and the defaults (as Spark's reader makes it). */
  public BalancedBaggingClassifier(String uid) {
    this.uid = uid;
    labelCol = new Param<>(this, "labelCol", "the class column: 0, 1, ..., K-1");
    featuresCol = new Param<>(this, "featuresCol", "the features column (a vector)");
    nEstimators = new IntParam(this, "nEstimators", "the number of bags (>= 1)");
    samplingStrategy = new Param<>(this, "samplingStrategy", "each bag's under-sampling, as RandomUnderSampler's");
    bootstrap = new BooleanParam(this, "bootstrap", "whether a bag draws its rows with replacement");
    seed = new LongParam(this, "seed", "the random seed");
    parallelism = new IntParam(this, "parallelism", "bags trained at once (>= 1)");
    setDefault(labelCol, "label");
    setDefault(featuresCol, "features");
    setDefault(nEstimators, 10);
    setDefault(samplingStrategy, "auto");
    setDefault(bootstrap, true);
    setDefault(seed, 0L);
    setDefault(parallelism, 2);
    base = new LogisticRegression();
  }

  /** A stage with a random unique id and the defaults. */
  public BalancedBaggingClassifier() {
    this(Identifiable.randomUID("balancedBagging"));
  }

  @Override
  public String uid() {
    return uid;
  }

  /** The {@code labelCol} param: the class column: 0, 1, ..., K-1. */
  public Param<String> labelCol() {
    return labelCol;
  }

  /** The {@code featuresCol} param: the features column (a vector). */
  public Param<String> featuresCol() {
    return featuresCol;
  }

  /** The {@code nEstimators} param: the number of bags (>= 1). */
  public IntParam nEstimators() {
    return nEstimators;
  }

  /** The {@code samplingStrategy} param: each bag's under-sampling, as RandomUnderSampler's. */
  public Param<String> samplingStrategy() {
    return samplingStrategy;
  }

  /** The {@code bootstrap} param: whether a bag draws its rows with replacement. */
  public BooleanParam bootstrap() {
    return bootstrap;
  }

  /** The {@code seed} param: the random seed. */
  public LongParam seed() {
    return seed;
  }

  /** The {@code parallelism} param: bags trained at once (>= 1). */
  public IntParam parallelism() {
    return parallelism;
  }

  /** Sets {@code labelCol}: the class column: 0, 1, ..., K-1. */
  public BalancedBaggingClassifier setLabelCol(String v) {
    set(labelCol, v);
    return this;
  }

  /** Sets {@code featuresCol}: the features column (a vector). */
  public BalancedBaggingClassifier setFeaturesCol(String v) {
    set(featuresCol, v);
    return this;
  }

  /** Sets {@code nEstimators}: the number of bags (>= 1). */
  public BalancedBaggingClassifier setNEstimators(int v) {
    if (v < 1) {
      throw new InvalidOptionException("n_estimators must be at least 1, got " + v);
    }
    set(nEstimators, v);
    return this;
  }

  /** Sets {@code samplingStrategy}: each bag's under-sampling, as RandomUnderSampler's. */
  public BalancedBaggingClassifier setSamplingStrategy(String v) {
    SamplingStrategy.parse(v);
    set(samplingStrategy, v);
    return this;
  }

  /** Sets {@code bootstrap}: whether a bag draws its rows with replacement. */
  public BalancedBaggingClassifier setBootstrap(boolean v) {
    set(bootstrap, v);
    return this;
  }

  /** Sets {@code seed}: the random seed. */
  public BalancedBaggingClassifier setSeed(long v) {
    set(seed, v);
    return this;
  }

  /** Sets {@code parallelism}: bags trained at once (>= 1). */
  public BalancedBaggingClassifier setParallelism(int v) {
    if (v < 1) {
      throw new InvalidOptionException("parallelism must be at least 1, got " + v);
    }
    set(parallelism, v);
    return this;
  }

  /** The classifier each bag trains: a Spark {@code ProbabilisticClassifier}. */
  public BalancedBaggingClassifier setBaseEstimator(Estimator<?> estimator) {
    if (!(estimator instanceof ProbabilisticClassifier)) {
      throw new InvalidOptionException("the base estimator must give class probabilities (a Spark "
          + "ProbabilisticClassifier such as LogisticRegression, RandomForestClassifier or GBTClassifier), got "
          + estimator.getClass().getSimpleName());
    }
    base = estimator;
    return this;
  }

  /** The value of {@code baseEstimator}. */
  public Estimator<?> getBaseEstimator() {
    return base;
  }

  @Override
  public BalancedBaggingModel fit(Dataset<?> dataset) {
    Dataset<Row> data = dataset.toDF();
    transformSchema(data.schema());
    int classes = sparkLabels(data);
    RandomUnderSampler rus = (RandomUnderSampler) new RandomUnderSampler().setLabelCol($(labelCol))
        .setSamplingStrategy($(samplingStrategy));
    SparkSampler.Input in = rus.prepare(data);
    int bags = (Integer) $(nEstimators);
    boolean replace = (Boolean) $(bootstrap);
    long s = (Long) $(seed);
    ExecutorService pool = Executors.newFixedThreadPool(Math.min(bags, (Integer) $(parallelism)));
    try {
      List<Future<Model<?>>> fits = new ArrayList<>();
      for (int b = 0; b < bags; b++) {
        long bagSeed = s * 1_000_003L + b;
        fits.add(pool.submit(() -> {
          Dataset<Row> bag = rus.bag(in, replace, bagSeed).persist(StorageLevel.MEMORY_AND_DISK());
          try {
            Estimator<?> e = base.copy(ParamMap.empty());
            e.set(e.getParam("featuresCol"), $(featuresCol));
            e.set(e.getParam("labelCol"), $(labelCol));
            return (Model<?>) e.fit(bag);
          } finally {
            bag.unpersist();
          }
        }));
      }
      List<Model<?>> models = new ArrayList<>();
      for (Future<Model<?>> f : fits) {
        models.add(f.get());
      }
      BalancedBaggingModel model = new BalancedBaggingModel(uid, models, classes);
      model.set(model.featuresCol(), $(featuresCol));
      model.setParent(this);
      return model;
    } catch (java.util.concurrent.ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw new IllegalStateException(e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while training the bags", e);
    } finally {
      pool.shutdownNow();
    }
  }

  /** The number of classes, after checking the labels are Spark's 0, 1, ..., K-1. */
  private int sparkLabels(Dataset<Row> data) {
    Labels labels = Labels.of(data, $(labelCol));
    for (int c = 0; c < labels.size(); c++) {
      Object v = labels.value(c);
      if (!(v instanceof Double d) || d != c) {
        throw new DataException("Spark's classifiers take the labels 0, 1, ..., K-1; the label column '" + $(labelCol)
            + "' has " + String.join(", ", labels.names()) + " (index them with StringIndexer)");
      }
    }
    return labels.size();
  }

  @Override
  public StructType transformSchema(StructType schema) {
    Labels.field(schema, $(labelCol));
    Labels.field(schema, $(featuresCol));
    return BalancedBaggingModel.outputSchema(schema);
  }

  @Override
  public BalancedBaggingClassifier copy(ParamMap extra) {
    BalancedBaggingClassifier c = defaultCopy(extra);
    c.base = base.copy(ParamMap.empty());
    return c;
  }

  @Override
  public MLWriter write() {
    BalancedBaggingClassifier self = this;
    return new MLWriter() {
      @Override
      public void saveImpl(String path) {
        DefaultParamsWriter.saveMetadata(self, path, sparkSession());
        if (!(base instanceof MLWritable w)) {
          throw new DataException("the base estimator " + base.getClass().getSimpleName() + " cannot be saved");
        }
        try {
          w.write().save(path + "/base");
        } catch (java.io.IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      }
    };
  }

  /** The reader of saved {@code BalancedBaggingClassifier} stages. */
  public static MLReader<BalancedBaggingClassifier> read() {
    return new MLReader<>() {
      @Override
      public BalancedBaggingClassifier load(String path) {
        DefaultParamsReader.Metadata meta = DefaultParamsReader.loadMetadata(path, sparkSession());
        BalancedBaggingClassifier c;
        try {
          c = (BalancedBaggingClassifier) Class.forName(meta.className()).getConstructor(String.class)
              .newInstance(meta.uid());
        } catch (ReflectiveOperationException e) {
          throw new IllegalStateException("cannot make " + meta.className(), e);
        }
        meta.getAndSetParams(c, scala.Option.empty());
        c.base = DefaultParamsReader.loadParamsInstance(path + "/base", sparkSession());
        return c;
      }
    };
  }

  /** The {@code BalancedBaggingClassifier} saved at {@code path}. */
  public static BalancedBaggingClassifier load(String path) {
    return read().load(path);
  }

  static org.apache.spark.sql.types.DataType vectorType() {
    return org.apache.spark.ml.linalg.SQLDataTypes.VectorType();
  }

  static org.apache.spark.sql.types.DataType doubleType() {
    return DataTypes.DoubleType;
  }
}
