package org.imbalanced4j.model.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
import org.imbalanced4j.InvalidOptionException;
import org.imbalanced4j.data.Dataset;
import org.imbalanced4j.data.Feature;
import org.imbalanced4j.data.ImageShape;
import org.imbalanced4j.data.Schema;
import org.imbalanced4j.io.AtomicFiles;
import org.imbalanced4j.learn.LearnerCatalog;
import org.imbalanced4j.model.Model;
import org.imbalanced4j.threshold.DecisionRule;

/**
 * A fitted model on disk, as {@code imb train} and {@code imb compare} write it and {@code imb
 * predict} reads it: {@code model.json} (format and version, the model's {@code kind}, the
 * training data's description, the model's own section, the decision rule, the configuration,
 * the training data's hash and library versions) and the binary files the model writes. Every
 * file is written atomically, {@code model.json} last. One reader for every kind: the {@link
 * ModelFormat} registered for the kind reads the model's section.
 *
 * <pre>{@code
 * ModelDirectory.save(dir, model, DecisionRule.ARGMAX.toMap(model.classes()), Map.of(), train);
 * SavedModel m = ModelDirectory.load(dir);
 * }</pre>
 */
public final class ModelDirectory {
  /** The {@code format} of {@code model.json}. */
  public static final String FORMAT = "imbalanced4j-model";
  /** The {@code format_version} written; 1 (no kind, sections at the top) is still read. */
  public static final int VERSION = 2;

  private static final ObjectMapper OM = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private ModelDirectory() {}

  /**
   * Writes a model directory.
   *
   * @param decision the decision rule's map ({@link DecisionRule#toMap}), with {@code temperature}
   *     for a temperature-scaled model
   * @param config how the model was made, for people
   * @param trainingData the rows it was fitted on, hashed for provenance
   */
  public static void save(Path dir, Model model, Map<String, Object> decision, Map<String, Object> config,
      Dataset trainingData) throws IOException {
    Map<String, Object> m = write(dir, model);
    m.put("decision", decision);
    m.put("config", config);
    m.put("training_data_sha256", hash(trainingData));
    writeJson(dir, m);
  }

  /** Writes {@code model}'s files into {@code dir}; returns {@code model.json}'s map, not yet written. */
  private static Map<String, Object> write(Path dir, Model model) throws IOException {
    Files.createDirectories(dir);
    Map<String, Object> m = header(model.schema());
    m.put("kind", model.kind());
    Map<String, Object> section = new LinkedHashMap<>();
    Map<String, Object> versions = new LinkedHashMap<>();
    versions.put("imbalanced4j", String.valueOf(ModelDirectory.class.getPackage().getImplementationVersion()));
    versions.put("java", System.getProperty("java.version"));
    model.save(new ModelWriter() {
      @Override
      public void put(String key, Object value) {
        section.put(key, value);
      }

      @Override
      public void write(String file, AtomicFiles.StreamBody body) throws IOException {
        AtomicFiles.write(dir.resolve(file), body);
      }

      @Override
      public void member(String name, Model member) throws IOException {
        Path sub = dir.resolve(name);
        writeJson(sub, ModelDirectory.write(sub, member));
      }

      @Override
      public void version(String component, String version) {
        versions.put(component, version);
      }
    });
    m.put("model", section);
    m.put("versions", versions);
    return m;
  }

  private static void writeJson(Path dir, Map<String, Object> m) throws IOException {
    AtomicFiles.writeString(dir.resolve("model.json"), OM.writeValueAsString(m));
  }

  private static Map<String, Object> header(Schema schema) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("format", FORMAT);
    m.put("format_version", VERSION);
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
    if (schema.isImages()) {
      ImageShape s = schema.imageShape();
      Map<String, Object> shape = new LinkedHashMap<>();
      shape.put("channels", s.channels());
      shape.put("height", s.height());
      shape.put("width", s.width());
      m.put("image_shape", shape);
    }
    return m;
  }

  /** Reads a model directory of any registered kind. */
  public static SavedModel load(Path dir) {
    JsonNode meta = json(dir);
    Model model;
    try {
      model = model(dir, meta);
    } catch (DataException | InvalidOptionException e) {
      throw e;
    } catch (RuntimeException e) { // a value no model can hold (a kind's own checks name the common ones)
      throw new DataException(dir + ": model.json does not describe a valid model (" + e.getMessage() + ")", e);
    }
    JsonNode d = meta.get("decision");
    @SuppressWarnings("unchecked")
    Map<String, Object> decision = d == null || d.isNull() ? null : OM.convertValue(d, Map.class);
    DecisionRule rule;
    try {
      rule = DecisionRule.fromMap(decision, model.classes());
    } catch (RuntimeException bad) {
      throw new DataException(dir + ": model.json has an invalid decision rule (" + bad.getMessage() + ")");
    }
    double t = decision == null || !(decision.get("temperature") instanceof Number n) ? 1.0 : n.doubleValue();
    return new SavedModel(model, rule, t, meta.get("config"));
  }

  private static JsonNode json(Path dir) {
    Path f = dir.resolve("model.json");
    if (!Files.isRegularFile(f)) {
      throw new DataException(dir + ": not a model directory (no model.json; make one with imb train or imb compare)");
    }
    try {
      JsonNode meta = OM.readTree(f.toFile());
      if (meta == null || !meta.isObject()) {
        throw new DataException(f + ": not a model file");
      }
      return meta;
    } catch (IOException e) {
      throw new DataException(f + ": cannot be read (" + e.getMessage().lines().findFirst().orElse("") + ")", e);
    }
  }

  private static Model model(Path dir, JsonNode meta) {
    JsonNode format = meta.get("format");
    String fmt = format == null ? "" : format.asText();
    ObjectNode section;
    String kind;
    if (fmt.equals("imbalanced4j-model/1")) { // before kinds: the model's keys at the top
      kind = meta.has("linear") ? "linear" : "network";
      section = OM.createObjectNode();
      section.set("standardizer", meta.get("standardizer"));
      if (kind.equals("linear")) {
        section.set("weights", meta.get("linear").get("weights"));
      } else {
        section.set("network", meta.get("network"));
      }
    } else if (fmt.equals(FORMAT)) {
      int version = meta.path("format_version").asInt(-1);
      if (version < 2 || version > VERSION) {
        throw new DataException(dir + ": model format version " + meta.path("format_version")
            + " is not one this version reads (1 to " + VERSION + "); a newer imbalanced4j wrote it");
      }
      kind = meta.path("kind").asText("");
      JsonNode s = meta.get("model");
      section = s instanceof ObjectNode o ? o : OM.createObjectNode();
    } else {
      throw new DataException(dir + ": model.json is not an imbalanced4j model (format '" + fmt + "')");
    }
    Schema schema = schema(dir, meta);
    ModelFormat reader = LearnerCatalog.format(kind).orElseThrow(() -> new DataException(dir
        + ": no reader for models of kind '" + kind + "' (known: " + String.join(", ", LearnerCatalog.kinds())
        + "); is the module that makes them on the class path?"));
    try {
      return reader.read(new ModelReader() {
        @Override
        public Schema schema() {
          return schema;
        }

        @Override
        public JsonNode section() {
          return section;
        }

        @Override
        public byte[] read(String file) throws IOException {
          return Files.readAllBytes(existing(file));
        }

        @Override
        public java.io.InputStream open(String file) throws IOException {
          return new java.io.BufferedInputStream(Files.newInputStream(existing(file)), 1 << 16);
        }

        private Path existing(String file) {
          Path p = dir.resolve(file);
          if (!Files.isRegularFile(p)) {
            throw error(file + " is missing");
          }
          return p;
        }

        @Override
        public Model member(String name) {
          Path sub = dir.resolve(name);
          return model(sub, json(sub));
        }

        @Override
        public DataException error(String what) {
          return new DataException(dir + ": " + what);
        }
      });
    } catch (IOException e) {
      throw new DataException(dir + ": cannot be read (" + e.getMessage() + ")", e);
    } catch (RuntimeException e) {
      if (e instanceof DataException) {
        throw e;
      }
      throw new DataException(dir + ": model.json does not describe a " + kind + " model (" + e + ")", e);
    }
  }

  private static Schema schema(Path dir, JsonNode meta) {
    JsonNode feats = meta.get("features");
    JsonNode classes = meta.get("classes");
    if (feats == null || !feats.isArray() || classes == null || !classes.isArray()) {
      throw new DataException(dir + ": model.json lacks its features or classes");
    }
    List<Feature> fs = new ArrayList<>();
    for (JsonNode f : feats) {
      String name = f.path("name").asText();
      if (f.path("type").asText().equals("categorical")) {
        List<String> levels = new ArrayList<>();
        f.path("levels").forEach(n -> levels.add(n.asText()));
        fs.add(Feature.categorical(name, levels));
      } else {
        fs.add(Feature.numeric(name));
      }
    }
    List<String> cs = new ArrayList<>();
    classes.forEach(n -> cs.add(n.asText()));
    Schema s = new Schema(fs, meta.path("target").asText(""), cs);
    JsonNode img = meta.get("image_shape");
    return img == null ? s : s.withImageShape(new ImageShape(img.path("channels").asInt(), img.path("height").asInt(),
        img.path("width").asInt()));
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
}
