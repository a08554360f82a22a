package org.imbalanced4j.spark.sampling;

import org.apache.spark.ml.Model;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.util.DefaultParamsReader;
import org.apache.spark.ml.util.DefaultParamsWriter;
import org.apache.spark.ml.util.Identifiable;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.ml.util.MLWritable;
import org.apache.spark.ml.util.MLWriter;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;

/**
 * A fitted sampler: it gives the resampled rows for the very data set it was fitted on (so the
 * next stages of a {@code Pipeline} train on them) and passes every other data set through
 * unchanged, as imbalanced-learn's pipeline skips samplers when it predicts. Saved and loaded as
 * a stage without state: a loaded model only passes rows through.
 */
public final class ResamplingModel extends Model<ResamplingModel> implements MLWritable {
  private static final long serialVersionUID = 1L;

  private final String uid;
  private final transient Dataset<?> fittedOn;
  private final transient Dataset<Row> resampled;

  /** A model that passes rows through (as loaded). */
  public ResamplingModel(String uid) {
    this(uid, null, null);
  }

  ResamplingModel(String uid, Dataset<?> fittedOn, Dataset<Row> resampled) {
    this.uid = uid;
    this.fittedOn = fittedOn;
    this.resampled = resampled;
  }

  /** A stage with a random unique id and the defaults. */
  public ResamplingModel() {
    this(Identifiable.randomUID("resampling"));
  }

  @Override
  public String uid() {
    return uid;
  }

  /** The resampled training rows, or null after a load. */
  public Dataset<Row> resampled() {
    return resampled;
  }

  @Override
  public Dataset<Row> transform(Dataset<?> dataset) {
    return dataset == fittedOn && resampled != null ? resampled : dataset.toDF();
  }

  @Override
  public StructType transformSchema(StructType schema) {
    return schema;
  }

  @Override
  public ResamplingModel copy(ParamMap extra) {
    ResamplingModel copy = new ResamplingModel(uid, fittedOn, resampled);
    copyValues(copy, extra);
    return copy.setParent(parent());
  }

  @Override
  public MLWriter write() {
    return new DefaultParamsWriter(this);
  }

  /** The reader of saved {@code ResamplingModel} stages. */
  public static MLReader<ResamplingModel> read() {
    return new DefaultParamsReader<>();
  }

  /** The {@code ResamplingModel} saved at {@code path}. */
  public static ResamplingModel load(String path) {
    return read().load(path);
  }
}
