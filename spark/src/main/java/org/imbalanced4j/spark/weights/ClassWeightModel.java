package org.imbalanced4j.spark.weights;

import org.imbalanced4j.spark.data.Labels;
import java.util.Arrays;
import org.apache.spark.ml.Model;
import org.apache.spark.ml.param.BooleanParam;
import org.apache.spark.ml.param.DoubleArrayParam;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.param.StringArrayParam;
import org.apache.spark.ml.util.DefaultParamsReader;
import org.apache.spark.ml.util.DefaultParamsWriter;
import org.apache.spark.ml.util.Identifiable;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.ml.util.MLWritable;
import org.apache.spark.ml.util.MLWriter;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The fitted class weights: adds {@code weightCol} (the weight of each row's class; 1 for a class
 * not seen in fitting) where the label column is there, and passes rows without it (rows to
 * predict) through. Its classes and weights are parameters, so it saves and loads as any stage.
 */
public final class ClassWeightModel extends Model<ClassWeightModel> implements MLWritable {
  private static final long serialVersionUID = 1L;

  private final String uid;
  private final Param<String> labelCol;
  private final Param<String> weightCol;
  private final StringArrayParam classes;
  private final DoubleArrayParam weights;
  private final BooleanParam numeric;

  /** A stage with the given unique id and the defaults (as Spark's reader makes it). */
  public ClassWeightModel(String uid) {
    this.uid = uid;
    labelCol = new Param<>(this, "labelCol", "the class column");
    weightCol = new Param<>(this, "weightCol", "the weight column to add");
    classes = new StringArrayParam(this, "classes", "the class names, in code order");
    weights = new DoubleArrayParam(this, "weights", "the weight of each class");
    numeric = new BooleanParam(this, "numeric", "whether the labels are numbers");
  }

  ClassWeightModel(String uid, String label, String weight, String[] names, double[] w, boolean isNumeric) {
    this(uid);
    set(labelCol, label);
    set(weightCol, weight);
    set(classes, names);
    set(weights, w);
    set(numeric, isNumeric);
  }

  /** A stage with a random unique id and the defaults. */
  public ClassWeightModel() {
    this(Identifiable.randomUID("classWeightModel"));
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

  /** The {@code classes} param: the class names, in code order. */
  public StringArrayParam classes() {
    return classes;
  }

  /** The {@code weights} param: the weight of each class. */
  public DoubleArrayParam weights() {
    return weights;
  }

  /** The {@code numeric} param: whether the labels are numbers. */
  public BooleanParam numeric() {
    return numeric;
  }

  /** The weight of each class, in the order of {@link #classNames()}. */
  public double[] classWeights() {
    return $(weights).clone();
  }

  /** The class names, in the order of the weights. */
  public String[] classNames() {
    return $(classes).clone();
  }

  @Override
  public Dataset<Row> transform(Dataset<?> dataset) {
    Dataset<Row> data = dataset.toDF();
    if (!Arrays.asList(data.columns()).contains($(labelCol))) {
      return data;
    }
    boolean isNumeric = (Boolean) $(numeric);
    Column label = isNumeric ? Labels.col(data, $(labelCol)).cast(DataTypes.DoubleType) : Labels.col(data, $(labelCol));
    String[] names = $(classes);
    double[] w = $(weights);
    Column weight = null;
    for (int c = 0; c < names.length; c++) {
      Object value = isNumeric ? (Object) Double.parseDouble(names[c]) : names[c];
      weight = weight == null ? functions.when(label.equalTo(value), w[c]) : weight.when(label.equalTo(value), w[c]);
    }
    return data.withColumn($(weightCol), weight.otherwise(1.0));
  }

  @Override
  public StructType transformSchema(StructType schema) {
    return Arrays.asList(schema.fieldNames()).contains($(labelCol))
        ? schema.add($(weightCol), DataTypes.DoubleType, false) : schema;
  }

  @Override
  public ClassWeightModel copy(ParamMap extra) {
    return copyValues(new ClassWeightModel(uid), extra).setParent(parent());
  }

  @Override
  public MLWriter write() {
    return new DefaultParamsWriter(this);
  }

  /** The reader of saved {@code ClassWeightModel} stages. */
  public static MLReader<ClassWeightModel> read() {
    return new DefaultParamsReader<>();
  }

  /** The {@code ClassWeightModel} saved at {@code path}. */
  public static ClassWeightModel load(String path) {
    return read().load(path);
  }
}
