package org.imbalanced4j.djl.training;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.SequentialBlock;
import ai.djl.training.ParameterStore;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.imbalanced4j.DataException;
import org.imbalanced4j.data.Dataset;
import org.imbalanced4j.model.Standardizer;
import org.imbalanced4j.data.Feature;
import org.imbalanced4j.data.Schema;
import org.imbalanced4j.djl.engine.PyTorchEngine;
import org.imbalanced4j.io.AtomicFiles;

/**
 * A trained network with everything needed to score new rows: parameters, preprocessing, the
 * features and classes it was trained on, the decision threshold, and the configuration with
 * versions and the training data's hash. Stored as a directory: {@code model.json}, {@code
 * params.bin}, {@code history.jsonl}.
 */
public final class TrainedModel {
  private static final ObjectMapper OM = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  private final JsonNode meta;
  private final byte[] params;

  private TrainedModel(JsonNode meta, byte[] params) {
    this.meta = meta;
    this.params = params;
  }

  /** Writes a network's model directory; every file atomically. */
  public static void save(Path dir, TabularTrainer.Result r, Schema schema, Map<String, Object> config,
      Map<String, Object> decision, Dataset trainingData) throws IOException {
    Map<String, Object> m = header(schema);
    m.put("standardizer", r.standardizer().toMap());
    Map<String, Object> net = new LinkedHashMap<>();
    net.put("type", r.network());
    net.put("inputs", r.inputs());
    net.put("hidden", r.hidden());
    net.put("dropout", r.dropout());
    m.put("network", net);
    m.put("decision", decision);
    m.put("best_epoch", r.bestEpoch() + 1); // 1-based, as printed
    m.put("best_metric", r.bestMetric());
    StringBuilder h = new StringBuilder();
    for (EpochLog l : r.history()) {
      h.append(new ObjectMapper().writeValueAsString(l.toJson())).append('\n');
    }
    Files.createDirectories(dir);
    AtomicFiles.writeString(dir.resolve("history.jsonl"), h.toString());
    write(dir, m, r.parameters(), config, trainingData);
  }

  /**
   * Writes a linear model's directory (logistic regression): the same files as a network's, the
   * weights in {@code model.json} under {@code linear} and {@code params.bin} empty.
   */
  public static void save(Path dir, org.imbalanced4j.model.LinearModel lm, Schema schema,
      Map<String, Object> config, Map<String, Object> decision, Dataset trainingData) throws IOException {
    Map<String, Object> m = header(schema);
    m.put("standardizer", lm.standardizer().toMap());
    m.put("linear", Map.of("classes", lm.classes(), "weights", lm.weights()));
    m.put("decision", decision);
    Files.createDirectories(dir);
    write(dir, m, new byte[0], config, trainingData);
  }

  private static Map<String, Object> header(Schema schema) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("format", "imbalanced4j-model/1");
    m.put("target", schema.targetName());
    m.put("classes", schema.classNames());
    List<Map<String, Object>> fs = new ArrayList<>();
    for (Feature f : schema.features()) {
      Map<String, Object> fm = new LinkedHashMap<>();
      fm.put("name", f.name());
      fm.put("type", f.isCategorical() ? "categorical" : "numeric");
      if (f.isCategorical()) {
        fm.put("levels", f.levels());
      }
      fs.add(fm);
    }
    m.put("features", fs);
    return m;
  }

  private static void write(Path dir, Map<String, Object> m, byte[] params, Map<String, Object> config,
      Dataset trainingData) throws IOException {
    m.put("config", config);
    m.put("training_data_sha256", hash(trainingData));
    Map<String, Object> versions = new LinkedHashMap<>();
    versions.put("imbalanced4j", String.valueOf(TrainedModel.class.getPackage().getImplementationVersion()));
    versions.put("djl", ai.djl.engine.Engine.getDjlVersion());
    versions.put("pytorch", PyTorchEngine.get().getVersion());
    versions.put("java", System.getProperty("java.version"));
    m.put("versions", versions);
    AtomicFiles.write(dir.resolve("params.bin"), out -> out.write(params));
    AtomicFiles.writeString(dir.resolve("model.json"), OM.writeValueAsString(m));
  }

  public static TrainedModel load(Path dir) {
    try {
      if (!Files.isRegularFile(dir.resolve("model.json")) || !Files.isRegularFile(dir.resolve("params.bin"))) {
        throw new DataException(dir + ": not a model directory (model.json and params.bin are needed; "
            + "make one with imb train)");
      }
      return new TrainedModel(OM.readTree(dir.resolve("model.json").toFile()), Files.readAllBytes(dir.resolve("params.bin")));
    } catch (IOException e) {
      throw new DataException(dir + ": cannot be read (" + e.getMessage() + ")", e);
    }
  }

  public String target() {
    return meta.get("target").asText();
  }

  /** The features the model reads as categories, to be read as such whatever their values. */
  public java.util.Set<String> categoricalFeatures() {
    java.util.Set<String> out = new java.util.LinkedHashSet<>();
    for (JsonNode f : meta.get("features")) {
      if (f.get("type").asText().equals("categorical")) {
        out.add(f.get("name").asText());
      }
    }
    return out;
  }

  public List<String> classes() {
    List<String> c = new ArrayList<>();
    meta.get("classes").forEach(n -> c.add(n.asText()));
    return c;
  }

  public JsonNode decision() {
    return meta.get("decision");
  }

  /** Calibrated class probabilities: {@code softmax(z / T)} with the stored temperature. */
  public double[][] predictProba(Dataset data) {
    JsonNode t = meta.get("decision") == null ? null : meta.get("decision").get("temperature");
    return Calibration.softmax(logits(data), t == null ? 1.0 : t.asDouble());
  }

  /**
   * The predicted class of each row: for two classes, the positive class when its calibrated
   * probability reaches the stored threshold; otherwise the most probable class.
   */
  public int[] predictClass(double[][] proba) {
    return decisionRule().decide(proba);
  }

  /** The decision rule stored in {@code model.json} (argmax when none is). */
  @SuppressWarnings("unchecked")
  public org.imbalanced4j.threshold.DecisionRule decisionRule() {
    JsonNode d = meta.get("decision");
    return org.imbalanced4j.threshold.DecisionRule.fromMap(d == null ? null : OM.convertValue(d, Map.class), classes());
  }

  /** Rewrites {@code model.json} with a new decision rule (atomically). */
  public static void setDecision(Path dir, Map<String, Object> decision) throws IOException {
    com.fasterxml.jackson.databind.node.ObjectNode m =
        (com.fasterxml.jackson.databind.node.ObjectNode) OM.readTree(dir.resolve("model.json").toFile());
    m.set("decision", OM.valueToTree(decision));
    AtomicFiles.writeString(dir.resolve("model.json"), OM.writeValueAsString(m));
  }

  /** Raw logits of every row of {@code data}, whose columns are matched by name. */
  public double[][] logits(Dataset data) {
    synchronized (TabularTrainer.COLLECTOR) {
      return logitsAlone(data);
    }
  }

  private double[][] logitsAlone(Dataset data) {
    JsonNode feats = meta.get("features");
    List<Feature> fs = new ArrayList<>();
    int d = feats.size();
    int[] src = new int[d];
    int[][] levelMap = new int[d][];
    for (int j = 0; j < d; j++) {
      JsonNode f = feats.get(j);
      String name = f.get("name").asText();
      src[j] = data.schema().featureNames().indexOf(name);
      if (src[j] < 0) {
        throw new DataException("the data has no column '" + name + "', which the model was trained on");
      }
      if (f.get("type").asText().equals("categorical")) {
        List<String> levels = new ArrayList<>();
        f.get("levels").forEach(n -> levels.add(n.asText()));
        fs.add(Feature.categorical(name, levels));
        Feature in = data.schema().feature(src[j]);
        List<String> inLevels = in.isCategorical() ? in.levels() : List.of();
        levelMap[j] = inLevels.stream().mapToInt(levels::indexOf).toArray();
      } else {
        if (data.schema().feature(src[j]).isCategorical()) {
          throw new DataException("column '" + name + "' holds words, but the model was trained on numbers");
        }
        fs.add(Feature.numeric(name));
      }
    }
    float[] v = new float[data.rows() * d];
    for (int i = 0; i < data.rows(); i++) {
      for (int j = 0; j < d; j++) {
        float x = data.value(i, src[j]);
        v[i * d + j] = levelMap[j] == null ? x : levelMap[j][(int) x];
      }
    }
    Dataset aligned = Dataset.builder(new Schema(fs, "", List.of("?"))).setValues(v, data.rows())
        .setLabels(new int[data.rows()]).build();
    JsonNode st = meta.get("standardizer");
    Standardizer std = Standardizer.fromArrays(doubles(st.get("mean")), doubles(st.get("sd")), ints(st.get("levels")));
    int classes = meta.get("classes").size();
    JsonNode linear = meta.get("linear");
    if (linear != null) {
      return new org.imbalanced4j.model.LinearModel(std, doubles(linear.get("weights")), classes,
          new org.imbalanced4j.model.Provenance("linear", Map.of(), 0, ""), List.of()).logits(aligned);
    }
    JsonNode net = meta.get("network");
    PyTorchEngine.noGrad();
    try (NDManager manager = PyTorchEngine.get().newBaseManager()) {
      SequentialBlock block = TabularTrainer.network(net.get("type").asText(), std.width(), classes,
          ints(net.get("hidden")), (float) net.get("dropout").asDouble());
      block.initialize(manager, DataType.FLOAT32, new Shape(1, std.width()));
      block.loadParameters(manager, new DataInputStream(new ByteArrayInputStream(params)));
      return TabularTrainer.logits(block, new ParameterStore(manager, false), manager, std, aligned);
    } catch (IOException | ai.djl.MalformedModelException e) {
      throw new DataException("the model's parameters cannot be loaded (" + e.getMessage() + ")", e);
    }
  }

  /**
   * Category values of {@code data} the model never saw in training (a state code {@code ZZ}, or
   * {@code ca} where it learnt {@code CA}), counted per column and value in first-seen order. Such a
   * value is scored as scikit-learn's {@code OneHotEncoder(handle_unknown='ignore')} scores it: all
   * indicator columns of the feature zero.
   */
  public Map<String, Map<String, Long>> unseenCategories(Dataset data) {
    Map<String, Map<String, Long>> out = new java.util.LinkedHashMap<>();
    for (JsonNode f : meta.get("features")) {
      if (!f.get("type").asText().equals("categorical")) {
        continue;
      }
      String name = f.get("name").asText();
      int j = data.schema().featureNames().indexOf(name);
      if (j < 0 || !data.schema().feature(j).isCategorical()) {
        continue; // missing or numeric: logits() says so
      }
      java.util.Set<String> known = new java.util.HashSet<>();
      f.get("levels").forEach(n -> known.add(n.asText()));
      List<String> in = data.schema().feature(j).levels();
      long[] count = new long[in.size()];
      for (int i = 0; i < data.rows(); i++) {
        count[(int) data.value(i, j)]++;
      }
      Map<String, Long> unseen = new java.util.LinkedHashMap<>();
      for (int l = 0; l < in.size(); l++) {
        if (count[l] > 0 && !known.contains(in.get(l))) {
          unseen.put(in.get(l), count[l]);
        }
      }
      if (!unseen.isEmpty()) {
        out.put(name, unseen);
      }
    }
    return out;
  }

  /** SHA-256 of a data set's features and labels, for provenance. */
  public static String hash(Dataset d) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(8);
      for (int i = 0; i < d.rows(); i++) {
        for (int j = 0; j < d.features(); j++) {
          b.clear();
          b.putFloat(d.value(i, j));
          md.update(b.array(), 0, 4);
        }
        b.clear();
        b.putInt(d.label(i));
        md.update(b.array(), 0, 4);
      }
      return HexFormat.of().formatHex(md.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static double[] doubles(JsonNode a) {
    double[] out = new double[a.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = a.get(i).asDouble();
    }
    return out;
  }

  private static int[] ints(JsonNode a) {
    int[] out = new int[a.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = a.get(i).asInt();
    }
    return out;
  }
}
