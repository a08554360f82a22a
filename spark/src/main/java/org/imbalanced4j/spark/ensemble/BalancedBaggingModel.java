package org.imbalanced4j.spark.ensemble;

import org.imbalanced4j.spark.data.Labels;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.ml.Model;
import org.apache.spark.ml.classification.ProbabilisticClassificationModel;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.ml.param.IntParam;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.util.DefaultParamsReader;
import org.apache.spark.ml.util.DefaultParamsWriter;
import org.apache.spark.ml.util.Identifiable;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.ml.util.MLWritable;
import org.apache.spark.ml.util.MLWriter;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.StructType;
import org.imbalanced4j.DataException;

/**
 * A fitted balanced ensemble: the mean of its members' class probabilities ({@code
 * probabilityCol}) and the class of the highest mean ({@code predictionCol}, the lowest class on
 * ties). Saved as its parameters plus each member under {@code bags/i}.
 */
public final class BalancedBaggingModel extends Model<BalancedBaggingModel> implements MLWritable {
  private static final long serialVersionUID = 1L;

  private final String uid;
  private final Param<String> featuresCol;
  private final Param<String> probabilityCol;
  private final Param<String> predictionCol;
  private final IntParam numClasses;
  private final IntParam members;
  private List<Model<?>> models;

  /** A stage with the given unique id and the defaults (as Spark's reader makes it). */
  public BalancedBaggingModel(String uid) {
    this.uid = uid;
    featuresCol = new Param<>(this, "featuresCol", "the features column (a vector)");
    probabilityCol = new Param<>(this, "probabilityCol", "the mean class probabilities (a vector)");
    predictionCol = new Param<>(this, "predictionCol", "the predicted class");
    numClasses = new IntParam(this, "numClasses", "the number of classes");
    members = new IntParam(this, "members", "the number of members");
    setDefault(featuresCol, "features");
    setDefault(probabilityCol, "probability");
    setDefault(predictionCol, "prediction");
    models = List.of();
  }

  BalancedBaggingModel(String uid, List<Model<?>> models, int classes) {
    this(uid);
    this.models = List.copyOf(models);
    set(numClasses, classes);
    set(members, models.size());
  }

  /** A stage with a random unique id and the defaults. */
  public BalancedBaggingModel() {
    this(Identifiable.randomUID("balancedBaggingModel"));
  }

  @Override
  public String uid() {
    return uid;
  }

  /** The {@code featuresCol} param: the features column (a vector). */
  public Param<String> featuresCol() {
    return featuresCol;
  }

  /** The {@code probabilityCol} param: the mean class probabilities (a vector). */
  public Param<String> probabilityCol() {
    return probabilityCol;
  }

  /** The {@code predictionCol} param: the predicted class. */
  public Param<String> predictionCol() {
    return predictionCol;
  }

  /** The {@code numClasses} param: the number of classes. */
  public IntParam numClasses() {
    return numClasses;
  }

  /** The {@code members} param: the number of members. */
  public IntParam members() {
    return members;
  }

  /** The members, one per bag. */
  public List<Model<?>> models() {
    return models;
  }

  /** The mean class probabilities of one row. */
  @SuppressWarnings("unchecked")
  public Vector predictProbability(Vector features) {
    int k = (Integer) $(numClasses);
    double[] mean = new double[k];
    for (Model<?> m : models) {
      Vector p = ((ProbabilisticClassificationModel<Vector, ?>) m).predictProbability(features);
      for (int c = 0; c < k; c++) {
        mean[c] += p.apply(c);
      }
    }
    for (int c = 0; c < k; c++) {
      mean[c] /= models.size();
    }
    return Vectors.dense(mean);
  }

  @Override
  public Dataset<Row> transform(Dataset<?> dataset) {
    Dataset<Row> data = dataset.toDF();
    transformSchema(data.schema());
    BalancedBaggingModel self = this;
    Column proba = functions.udf((UDF1<Vector, Vector>) self::predictProbability,
        BalancedBaggingClassifier.vectorType()).apply(Labels.col(data, $(featuresCol)));
    Dataset<Row> out = data.withColumn($(probabilityCol), proba);
    Column predicted = functions.udf((UDF1<Vector, Double>) p -> (double) p.argmax(),
        BalancedBaggingClassifier.doubleType()).apply(Labels.col(out, $(probabilityCol)));
    return out.withColumn($(predictionCol), predicted);
  }

  static StructType outputSchema(StructType schema) {
    return schema.add("probability", BalancedBaggingClassifier.vectorType())
        .add("prediction", BalancedBaggingClassifier.doubleType());
  }

  @Override
  public StructType transformSchema(StructType schema) {
    if (!java.util.Arrays.asList(schema.fieldNames()).contains($(featuresCol))) {
      throw new DataException("no column '" + $(featuresCol) + "'; the columns are "
          + String.join(", ", schema.fieldNames()));
    }
    return schema.add($(probabilityCol), BalancedBaggingClassifier.vectorType())
        .add($(predictionCol), BalancedBaggingClassifier.doubleType());
  }

  @Override
  public BalancedBaggingModel copy(ParamMap extra) {
    BalancedBaggingModel c = copyValues(new BalancedBaggingModel(uid), extra);
    c.models = models;
    return c.setParent(parent());
  }

  @Override
  public MLWriter write() {
    BalancedBaggingModel self = this;
    return new MLWriter() {
      @Override
      public void saveImpl(String path) {
        DefaultParamsWriter.saveMetadata(self, path, sparkSession());
        try {
          for (int i = 0; i < models.size(); i++) {
            ((MLWritable) models.get(i)).write().save(path + "/bags/" + i);
          }
        } catch (java.io.IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      }
    };
  }

  /** The reader of saved {@code BalancedBaggingModel} stages. */
  public static MLReader<BalancedBaggingModel> read() {
    return new MLReader<>() {
      @Override
      public BalancedBaggingModel load(String path) {
        DefaultParamsReader.Metadata meta = DefaultParamsReader.loadMetadata(path, sparkSession());
        BalancedBaggingModel m = new BalancedBaggingModel(meta.uid());
        meta.getAndSetParams(m, scala.Option.empty());
        List<Model<?>> loaded = new ArrayList<>();
        for (int i = 0; i < (Integer) m.$(m.members); i++) {
          loaded.add(DefaultParamsReader.loadParamsInstance(path + "/bags/" + i, sparkSession()));
        }
        m.models = List.copyOf(loaded);
        return m;
      }
    };
  }

  /** The {@code BalancedBaggingModel} saved at {@code path}. */
  public static BalancedBaggingModel load(String path) {
    return read().load(path);
  }
}
