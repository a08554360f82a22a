package org.imbalanced4j.spark.weights;

import org.apache.spark.ml.Estimator;
import org.apache.spark.ml.param.DoubleParam;
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
import org.apache.spark.sql.types.StructType;
import org.imbalanced4j.InvalidOptionException;
import org.imbalanced4j.data.ClassCounts;
import org.imbalanced4j.spark.data.Labels;
import org.imbalanced4j.weights.ClassWeights;

/**
 * A weight column from the class frequencies, for any Spark classifier that takes {@code
 * weightCol}: core's schemes with core's formulas ({@link ClassWeights}): {@code balanced} ({@code
 * n / (k n_c)}, scikit-learn's {@code class_weight='balanced'}), {@code effective} (the effective
 * number of samples, {@code (1 - beta) / (1 - beta^n_c)}, Cui et al., CVPR 2019, normalised to
 * sum to {@code k}), {@code inverse} and {@code sqrt}.
 *
 * <pre>{@code
 * new Pipeline().setStages(new PipelineStage[] {
 *     new ClassWeighter().setScheme("balanced"), new LogisticRegression().setWeightCol("weight")});
 * }</pre>
 */
public final class ClassWeighter extends Estimator<ClassWeightModel> implements MLWritable {
  private static final long serialVersionUID = 1L;

  private final String uid;
  private final Param<String> labelCol;
  private final Param<String> weightCol;
  private final Param<String> scheme;
  private final DoubleParam beta;

  /** A stage with the given unique id and the defaults (as Spark's reader makes it). */
  public ClassWeighter(String uid) {
    this.uid = uid;
    labelCol = new Param<>(this, "labelCol", "the class column");
    weightCol = new Param<>(this, "weightCol", "the weight column to add");
    scheme = new Param<>(this, "scheme", "how weights follow class counts: " + String.join(", ", ClassWeights.SCHEMES));
    beta = new DoubleParam(this, "beta", "the effective number's beta, in [0, 1)");
    setDefault(labelCol, "label");
    setDefault(weightCol, "weight");
    setDefault(scheme, "balanced");
    setDefault(beta, 0.999);
  }

  /** A stage with a random unique id and the defaults. */
  public ClassWeighter() {
    this(Identifiable.randomUID("classWeighter"));
  }

  @Override
  public String uid() {
    return uid;
  }

  /** The {@code labelCol} param: the class column. */
  public Param<String> labelCol() {
    return labelCol;
  }

  /** The {@code weightCol} param: the weight column to add. */
  public Param<String> weightCol() {
    return weightCol;
  }

  /** The {@code scheme} param: how weights follow class counts: . */
  public Param<String> scheme() {
    return scheme;
  }

  /** The {@code beta} param: the effective number's beta, in [0, 1). */
  public DoubleParam beta() {
    return beta;
  }

  /** Sets {@code labelCol}: the class column. */
  public ClassWeighter setLabelCol(String v) {
    set(labelCol, v);
    return this;
  }

  /** Sets {@code weightCol}: the weight column to add. */
  public ClassWeighter setWeightCol(String v) {
    set(weightCol, v);
    return this;
  }

  /** Sets {@code scheme}: how weights follow class counts: . */
  public ClassWeighter setScheme(String v) {
    if (!ClassWeights.SCHEMES.contains(v)) {
      throw InvalidOptionException.unknown("class weight scheme", v, ClassWeights.SCHEMES);
    }
    set(scheme, v);
    return this;
  }

  /** Sets {@code beta}: the effective number's beta, in [0, 1). */
  public ClassWeighter setBeta(double v) {
    set(beta, v);
    return this;
  }

  @Override
  public ClassWeightModel fit(Dataset<?> dataset) {
    Dataset<Row> data = dataset.toDF();
    String label = $(labelCol);
    Labels.Counted counted = Labels.counted(data, label);
    Labels labels = counted.labels();
    ClassCounts counts = counted.counts();
    double[] w = ClassWeights.of($(scheme), counts.counts(), (Double) $(beta));
    ClassWeightModel model = new ClassWeightModel(uid, label, $(weightCol), labels.names().toArray(String[]::new),
        w, labels.type() != org.apache.spark.sql.types.DataTypes.StringType);
    model.setParent(this);
    return model;
  }

  @Override
  public StructType transformSchema(StructType schema) {
    Labels.field(schema, $(labelCol));
    return schema.add($(weightCol), org.apache.spark.sql.types.DataTypes.DoubleType, false);
  }

  @Override
  public ClassWeighter copy(ParamMap extra) {
    return defaultCopy(extra);
  }

  @Override
  public MLWriter write() {
    return new DefaultParamsWriter(this);
  }

  /** The reader of saved {@code ClassWeighter} stages. */
  public static MLReader<ClassWeighter> read() {
    return new DefaultParamsReader<>();
  }

  /** The {@code ClassWeighter} saved at {@code path}. */
  public static ClassWeighter load(String path) {
    return read().load(path);
  }
}
