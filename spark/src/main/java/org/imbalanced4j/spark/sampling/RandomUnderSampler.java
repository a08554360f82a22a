package org.imbalanced4j.spark.sampling;

import org.apache.spark.ml.param.BooleanParam;
import org.apache.spark.ml.util.DefaultParamsReader;
import org.apache.spark.ml.util.Identifiable;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.imbalanced4j.sampling.SamplerKind;

/**
 * Random under-sampling on Spark: keeps exactly the number of rows imbalanced-learn's {@code
 * RandomUnderSampler} keeps of each targeted class (the same {@code sampling_strategy}, the same
 * class counts), a uniform random subset drawn in one pass without a shuffle ({@link Draw});
 * {@code replacement} draws with replacement as imbalanced-learn's option does.
 *
 * <pre>{@code
 * Dataset<Row> balanced = new RandomUnderSampler().setSamplingStrategy("0.5").setSeed(7).resample(df);
 * }</pre>
 */
public final class RandomUnderSampler extends SparkSampler {
  private static final long serialVersionUID = 1L;

  private final BooleanParam replacement;

  /** A stage with the given unique id and the defaults (as Spark's reader makes it). */
  public RandomUnderSampler(String uid) {
    super(uid);
    replacement = new BooleanParam(this, "replacement", "whether rows are drawn with replacement");
    setDefault(replacement, false);
  }

  /** A stage with a random unique id and the defaults. */
  public RandomUnderSampler() {
    this(Identifiable.randomUID("randomUnderSampler"));
  }

  /** The {@code replacement} param: whether rows are drawn with replacement. */
  public BooleanParam replacement() {
    return replacement;
  }

  /** The value of {@code replacement}: whether rows are drawn with replacement. */
  public boolean getReplacement() {
    return (Boolean) $(replacement);
  }

  /** Sets {@code replacement}: whether rows are drawn with replacement. */
  public RandomUnderSampler setReplacement(boolean value) {
    set(replacement, value);
    return this;
  }

  @Override
  public String name() {
    return "RandomUnderSampler";
  }

  @Override
  public SamplerKind samplerKind() {
    return SamplerKind.UNDER;
  }

  @Override
  public Dataset<Row> resample(Input in) {
    long[] keep = new long[in.labels().size()];
    for (int c = 0; c < keep.length; c++) {
      keep[c] = in.target().targets(c) ? in.target().get(c) : -1;
    }
    Draw draw = Draw.of(in, keep, getReplacement(), false);
    return in.data().sparkSession().createDataFrame(draw.apply(in.rows()), in.data().schema());
  }

  /**
   * A bag for an ensemble: of each class the strategy's count (classes it leaves alone keep their
   * size), drawn with replacement when {@code bootstrap} (a bootstrap within each class), without
   * otherwise.
   */
  public Dataset<Row> bag(Input in, boolean bootstrap, long seed) {
    long[] counts = new long[in.labels().size()];
    for (int c = 0; c < counts.length; c++) {
      counts[c] = in.target().targets(c) ? in.target().get(c) : in.counts().count(c);
    }
    Draw draw = Draw.of(in.withSeed(seed), counts, bootstrap, false);
    return in.data().sparkSession().createDataFrame(draw.apply(in.rows()), in.data().schema());
  }

  /** The reader of saved {@code RandomUnderSampler} stages. */
  public static MLReader<RandomUnderSampler> read() {
    return new DefaultParamsReader<>();
  }

  /** The {@code RandomUnderSampler} saved at {@code path}. */
  public static RandomUnderSampler load(String path) {
    return read().load(path);
  }
}
