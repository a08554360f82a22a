package org.imbalanced4j.spark.sampling;

import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.ml.Estimator;
import org.apache.spark.ml.param.LongParam;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.util.DefaultParamsWriter;
import org.apache.spark.ml.util.MLWritable;
import org.apache.spark.ml.util.MLWriter;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;
import org.imbalanced4j.data.ClassCounts;
import org.imbalanced4j.sampling.SamplerKind;
import org.imbalanced4j.sampling.SamplingStrategy;
import org.imbalanced4j.sampling.SamplingTarget;
import org.imbalanced4j.spark.data.Labels;

/**
 * The one contract of the Spark samplers, as core's {@code Sampler} is for tables in memory: the
 * label column's classes are counted once (per partition), the {@code samplingStrategy} is
 * resolved by core's {@link SamplingStrategy} (so every form of imbalanced-learn's {@code
 * sampling_strategy} means the same here), and a subclass only says how to resample.
 *
 * <p>{@link #resample} returns the resampled rows. As a stage of a Spark ML {@code Pipeline}, a
 * sampler behaves as imbalanced-learn's pipeline does: {@code fit} resamples the training rows for
 * the stages after it, and the fitted {@link ResamplingModel} passes any other data (the rows to
 * predict) through unchanged.
 *
 * <p>Deterministic for a seed: the same input partitions give the same output on any number of
 * executors. The input is read twice (counts, then the draw), so it must give the same
 * partitions both times, as a file or a cached data set does.
 */
public abstract class SparkSampler extends Estimator<ResamplingModel> implements MLWritable {
  private static final long serialVersionUID = 1L;

  private final String uid;
  private final transient java.util.List<String> notes = new java.util.concurrent.CopyOnWriteArrayList<>();
  private final Param<String> labelCol;
  private final Param<String> samplingStrategy;
  private final LongParam seed;

  /** A stage with the given unique id and the defaults (as Spark's reader makes it). */
  protected SparkSampler(String uid) {
    this.uid = uid;
    this.labelCol = new Param<>(this, "labelCol", "the class column (numbers or text)");
    this.samplingStrategy = new Param<>(this, "samplingStrategy",
        "which classes to resample and to what size, as imbalanced-learn's sampling_strategy: auto, minority, "
            + "majority, not minority, not majority, all, a ratio such as 0.5, counts such as 0:1000,1:500");
    this.seed = new LongParam(this, "seed", "the random seed");
    setDefault(labelCol, "label");
    setDefault(samplingStrategy, "auto");
    setDefault(seed, 0L);
  }

  @Override
  public String uid() {
    return uid;
  }

  /** The {@code labelCol} param: the class column (numbers or text). */
  public Param<String> labelCol() {
    return labelCol;
  }

  /** The {@code samplingStrategy} param. */
  public Param<String> samplingStrategy() {
    return samplingStrategy;
  }

  /** The {@code seed} param: the random seed. */
  public LongParam seed() {
    return seed;
  }

  /** The value of {@code labelCol}: the class column (numbers or text). */
  public String getLabelCol() {
    return $(labelCol);
  }

  /** The value of {@code samplingStrategy}. */
  public String getSamplingStrategy() {
    return $(samplingStrategy);
  }

  /** The value of {@code seed}: the random seed. */
  public long getSeed() {
    return (Long) $(seed);
  }

  /** Sets {@code labelCol}: the class column (numbers or text). */
  public SparkSampler setLabelCol(String value) {
    set(labelCol, value);
    return this;
  }

  /** Sets {@code samplingStrategy}. */
  public SparkSampler setSamplingStrategy(String value) {
    SamplingStrategy.parse(value); // a bad strategy is refused when set, not at fit time
    set(samplingStrategy, value);
    return this;
  }

  /** Sets {@code seed}: the random seed. */
  public SparkSampler setSeed(long value) {
    set(seed, value);
    return this;
  }

  /** What the last resampling chose that a user should know (an approximate search, say). */
  public java.util.List<String> notes() {
    return java.util.List.copyOf(notes);
  }

  /** Records a note of the current resampling. */
  protected void note(String text) {
    notes.add(text);
  }

  /** imbalanced-learn's name of the sampler, for messages. */
  public abstract String name();

  /** Whether this sampler adds rows, removes them, or cleans classes. */
  public abstract SamplerKind samplerKind();

  /**
   * What a sampler resamples from: the rows, their classes counted per partition and the resolved
   * target. One count serves several draws ({@link #withSeed}), as the bags of an ensemble. The
   * rows as an RDD are planned on first use (tens of milliseconds that SMOTE, which reads the data
   * only through the Dataset, never pays).
   */
  public record Input(Dataset<Row> data, Once<JavaRDD<Row>> rowsOnce, Labels labels, int labelIndex,
      long[][] countsByPartition, ClassCounts counts, SamplingTarget target, long seed) {
    /** The rows as an RDD, in the partitions {@link #countsByPartition} counted. */
    public JavaRDD<Row> rows() {
      return rowsOnce.get();
    }

    /** The same input drawn with another seed. */
    public Input withSeed(long other) {
      return new Input(data, rowsOnce, labels, labelIndex, countsByPartition, counts, target, other);
    }
  }

  /** The resampled rows of {@code in}. */
  public abstract Dataset<Row> resample(Input in);

  /** The resampled rows: counted once, the strategy resolved as core resolves it, then drawn. */
  public Dataset<Row> resample(Dataset<?> dataset) {
    try {
      return resample(prepare(dataset));
    } finally { // the caller's next jobs are not this sampler's: do not lend them its stage names
      org.imbalanced4j.spark.data.Stages.name(dataset.sparkSession().sparkContext(), null);
    }
  }

  /** The data counted and the strategy resolved: what {@link #resample(Input)} draws from. */
  public Input prepare(Dataset<?> dataset) {
    notes.clear();
    Dataset<Row> data = dataset.toDF();
    transformSchema(data.schema());
    Labels.Counted counted = Labels.counted(data, getLabelCol());
    Labels labels = counted.labels();
    int labelIndex = data.schema().fieldIndex(getLabelCol());
    long[][] byPartition = counted.byPartition();
    ClassCounts counts = counted.counts();
    if (counts.presentClassCount() < 2) {
      throw new org.imbalanced4j.DataException("the label column '" + getLabelCol() + "' has a single class ("
          + counts.classNames().get(0) + "): there is nothing to balance");
    }
    SamplingTarget target = SamplingStrategy.parse(getSamplingStrategy()).resolve(counts, samplerKind());
    return new Input(data, new Once<>(data::toJavaRDD), labels, labelIndex, byPartition, counts, target, getSeed());
  }

  @Override
  public ResamplingModel fit(Dataset<?> dataset) {
    ResamplingModel model = new ResamplingModel(uid, dataset, resample(dataset));
    model.setParent(this);
    return model;
  }

  @Override
  public StructType transformSchema(StructType schema) {
    Labels.field(schema, getLabelCol());
    return schema;
  }

  @Override
  public SparkSampler copy(ParamMap extra) {
    return defaultCopy(extra);
  }

  @Override
  public MLWriter write() {
    return new DefaultParamsWriter(this);
  }

  /** A 64-bit mix of a seed and a stream number (SplittableRandom's finaliser). */
  static long mix(long seed, long stream) {
    long z = seed + 0x9E3779B97F4A7C15L * (stream + 1);
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
