package org.imbalanced4j.spark.sampling;

import org.apache.spark.ml.util.DefaultParamsReader;
import org.apache.spark.ml.util.Identifiable;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.imbalanced4j.sampling.SamplerKind;

/**
 * Random over-sampling on Spark: adds exactly the number of copies imbalanced-learn's {@code
 * RandomOverSampler} adds to each targeted class (the same {@code sampling_strategy}, the same
 * class counts), rows drawn uniformly with replacement, each copy written next to its original in
 * one pass without a shuffle ({@link Draw}).
 */
public final class RandomOverSampler extends SparkSampler {
  private static final long serialVersionUID = 1L;

  /** A stage with the given unique id and the defaults (as Spark's reader makes it). */
  public RandomOverSampler(String uid) {
    super(uid);
  }

  /** A stage with a random unique id and the defaults. */
  public RandomOverSampler() {
    this(Identifiable.randomUID("randomOverSampler"));
  }

  @Override
  public String name() {
    return "RandomOverSampler";
  }

  @Override
  public SamplerKind samplerKind() {
    return SamplerKind.OVER;
  }

  @Override
  public Dataset<Row> resample(Input in) {
    long[] add = new long[in.labels().size()];
    for (int c = 0; c < add.length; c++) {
      add[c] = in.target().targets(c) ? in.target().get(c) : -1;
    }
    Draw draw = Draw.of(in, add, true, true);
    return in.data().sparkSession().createDataFrame(draw.apply(in.rows()), in.data().schema());
  }

  /** The reader of saved {@code RandomOverSampler} stages. */
  public static MLReader<RandomOverSampler> read() {
    return new DefaultParamsReader<>();
  }

  /** The {@code RandomOverSampler} saved at {@code path}. */
  public static RandomOverSampler load(String path) {
    return read().load(path);
  }
}
