package org.imbalanced4j.spark.jobs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.ml.Transformer;
import org.apache.spark.ml.util.DefaultParamsReader;
import org.apache.spark.ml.util.MLWritable;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.imbalanced4j.DataException;
import org.imbalanced4j.distributed.DistributedJobs;
import org.imbalanced4j.io.AtomicFiles;
import org.imbalanced4j.spark.data.Labels;

/**
 * A model trained on Spark, saved and scored: {@code dir/spark} holds the Spark model in Spark's
 * own format, {@code dir/spark-model.json} the strategy, the class column, the classes in code
 * order and the feature columns in the order the model reads them. Scoring assembles those
 * columns by name and writes the input's columns, {@code proba_<class>} for every class and
 * {@code predicted}, which {@code imb evaluate --spark} reads.
 */
final class SparkModels {
  private SparkModels() {}

  static void export(SparkSession spark, String input, String target, String strategy, long seed, String dir) {
    Dataset<Row> raw = Tables.read(spark, input);
    String[] cols = raw.columns();
    String t = target != null ? target : cols[cols.length - 1];
    Labels.Counted counted = Labels.counted(raw, t);
    List<String> features = new ArrayList<>();
    for (String c : cols) {
      if (!c.equals(t)) {
        features.add(c);
      }
    }
    Dataset<Row> data = raw.select(Tables.featureVector(raw, t, "compare on Spark learns from numeric columns",
        "drop it first").as("features"), code(raw, t, counted.labels()).as("label"));
    Transformer model = SparkCompare.fit(strategy, data, seed, counted.labels().size());
    try {
      Path d = Path.of(dir);
      Files.createDirectories(d);
      ((MLWritable) model).write().overwrite().save(d.resolve("spark").toString());
      Map<String, Object> meta = new LinkedHashMap<>();
      meta.put("kind", "spark");
      meta.put("strategy", strategy);
      meta.put("target", t);
      meta.put("classes", counted.labels().names());
      meta.put("features", features);
      AtomicFiles.writeString(d.resolve(DistributedJobs.SPARK_MODEL),
          new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(meta));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The class codes 0..k-1 of the label column, as Spark's classifiers want them. */
  static Column code(Dataset<Row> raw, String target, Labels labels) {
    Column label = labels.column(raw, target);
    Column code = null;
    for (int c = 0; c < labels.size(); c++) {
      Column is = label.equalTo(labels.value(c));
      code = code == null ? functions.when(is, (double) c) : code.when(is, (double) c);
    }
    return code;
  }

  private static boolean isNumber(String s) {
    try {
      Double.parseDouble(s);
      return true;
    } catch (NumberFormatException e) {
      return false;
    }
  }

  static long predict(SparkSession spark, String dir, String input, String output) {
    JsonNode meta;
    try {
      meta = new ObjectMapper().readTree(Path.of(dir, DistributedJobs.SPARK_MODEL).toFile());
    } catch (IOException e) {
      throw new DataException(dir + " holds no model trained on Spark (" + DistributedJobs.SPARK_MODEL + ")");
    }
    List<String> classes = new ArrayList<>();
    meta.get("classes").forEach(n -> classes.add(n.asText()));
    Dataset<Row> raw = Tables.read(spark, input);
    List<Column> x = new ArrayList<>();
    for (JsonNode f : meta.get("features")) {
      Labels.field(raw.schema(), f.asText()); // a missing column is one line naming the columns there are
      x.add(functions.coalesce(Labels.col(raw, f.asText()).cast("double"), functions.lit(Double.NaN)));
    }
    Transformer model = DefaultParamsReader.loadParamsInstance(Path.of(dir, "spark").toString(), spark);
    Dataset<Row> in = raw.withColumn("features", org.apache.spark.ml.functions.array_to_vector(
        functions.array(x.toArray(Column[]::new))));
    Dataset<Row> scored = model.transform(in);
    Column proba = org.apache.spark.ml.functions.vector_to_array(scored.col("probability"), "float64");
    List<Column> out = new ArrayList<>();
    for (String c : raw.columns()) {
      out.add(Labels.col(scored, c));
    }
    // the predicted class as the class column holds it: a number when the classes are numbers
    boolean numbers = classes.stream().allMatch(SparkModels::isNumber);
    org.apache.spark.sql.types.DataType type = java.util.Arrays.asList(raw.columns()).contains(meta.get("target")
        .asText()) ? Labels.field(raw.schema(), meta.get("target").asText()).dataType() : null;
    Column predicted = null;
    for (int c = 0; c < classes.size(); c++) {
      out.add(proba.getItem(c).as("proba_" + classes.get(c)));
      Column is = scored.col("prediction").equalTo((double) c);
      Object value = numbers ? (Object) Double.parseDouble(classes.get(c)) : classes.get(c);
      predicted = predicted == null ? functions.when(is, value) : predicted.when(is, value);
    }
    out.add((numbers && type instanceof org.apache.spark.sql.types.NumericType ? predicted.cast(type) : predicted)
        .as("predicted"));
    Dataset<Row> written = scored.select(out.toArray(Column[]::new));
    Tables.write(written, output);
    return Tables.read(spark, output).count();
  }
}
