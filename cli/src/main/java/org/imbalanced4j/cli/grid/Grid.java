package org.imbalanced4j.cli.grid;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.LongFunction;
import org.imbalanced4j.DataException;
import org.imbalanced4j.InvalidOptionException;
import org.imbalanced4j.data.Dataset;
import org.imbalanced4j.djl.training.LossRecipes;
import org.imbalanced4j.djl.training.NeuralTrainer;
import org.imbalanced4j.djl.training.TabularTrainer;
import org.imbalanced4j.experiment.Candidate;
import org.imbalanced4j.model.LogisticRegression;
import org.imbalanced4j.model.Trainer;
import org.imbalanced4j.sampling.Sampler;
import org.imbalanced4j.sampling.SamplerCatalog;
import org.imbalanced4j.weights.ClassWeights;

/**
 * An experiment grid read from YAML: {@code samplers} x {@code learners} x {@code thresholds},
 * each combination one {@link Candidate}. Names and parameters are imbalanced-learn's for
 * samplers and {@code imb train}'s for networks; the default grid is the resource {@code
 * default-grid.yaml}, which documents the format. Every mistake is reported with the entry it is
 * in.
 *
 * <pre>{@code
 * samplers: [none, SMOTE: {k_neighbors: 3}]
 * learners: [logistic, {mlp: {loss: focal}}]
 * thresholds: [argmax, tuned]
 * }</pre>
 */
public final class Grid {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final List<String> LEARNERS = List.of("logistic", "mlp", "attention");
  private static final List<String> THRESHOLDS = List.of("argmax", "tuned");
  /**
   * Early stopping of networks: the class-balanced log loss, a smooth counterpart of the balanced
   * accuracy compare ranks by. Balanced accuracy itself (and PR-AUC) jumps when one of the few
   * validation rows of a rare class flips, so it kept lucky epochs and its new maxima kept training
   * going; the epochs the balanced log loss kept scored better on held-out rows.
   */
  static final org.imbalanced4j.djl.training.ValidationMetric DEFAULT_METRIC =
      org.imbalanced4j.djl.training.ValidationMetric.BALANCED_LOG_LOSS;

  private Grid() {}

  /** The default grid's YAML, with the comments that document the format. */
  public static String defaultText() {
    try (InputStream in = Grid.class.getResourceAsStream("default-grid.yaml")) {
      return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException("the default grid is missing from the jar", e);
    }
  }

  /** The default grid, for data like {@code d}. */
  public static List<Candidate> defaults(Dataset d) {
    try {
      // its tuned thresholds are for two classes; a grid of one's own lists them and sees them marked
      return parse(YAML.readTree(defaultText()), "default grid", d).stream()
          .filter(c -> d.classCount() == 2 || !c.tunedThreshold()).toList();
    } catch (IOException e) {
      throw new IllegalStateException("the default grid does not parse", e);
    }
  }

  /** The grid of a YAML file, for data like {@code d}. */
  public static List<Candidate> read(Path file, Dataset d) {
    JsonNode root;
    try {
      root = YAML.readTree(Files.readString(file));
    } catch (NoSuchFileException e) {
      throw new DataException(file + ": no such grid file");
    } catch (IOException e) {
      String msg = e.getMessage() == null ? e.toString() : e.getMessage().lines().findFirst().orElse("");
      throw new DataException(file + ": not a valid YAML grid (" + msg + ")");
    }
    return parse(root, file.toString(), d);
  }

  static List<Candidate> parse(JsonNode root, String where, Dataset d) {
    if (root == null || !root.isObject()) {
      throw new InvalidOptionException(where + ": a grid is a mapping with samplers, learners and thresholds");
    }
    for (Iterator<String> it = root.fieldNames(); it.hasNext();) {
      String key = it.next();
      if (!List.of("samplers", "learners", "thresholds").contains(key)) {
        throw unknown(where, "grid key", key, List.of("samplers", "learners", "thresholds"));
      }
    }
    List<Named<LongFunction<Sampler>>> samplers = new ArrayList<>();
    for (JsonNode n : list(root, "samplers", where, "[none]")) {
      samplers.add(sampler(n, where, d));
    }
    List<Learner> learners = new ArrayList<>();
    for (JsonNode n : list(root, "learners", where, null)) {
      learners.add(learner(n, where));
    }
    List<String> thresholds = new ArrayList<>();
    for (JsonNode n : list(root, "thresholds", where, "[argmax]")) {
      String t = n.asText().strip().toLowerCase(Locale.ROOT);
      if (!THRESHOLDS.contains(t)) {
        throw unknown(where, "threshold", n.asText(), THRESHOLDS);
      }
      thresholds.add(t); // a tuned threshold on more than two classes is marked not applicable by compare
    }
    List<Candidate> out = new ArrayList<>();
    for (Named<LongFunction<Sampler>> s : samplers) {
      for (Learner l : learners) {
        boolean resampled = s.value() != null; // bags draw the resampler again; without one they are moot
        for (String t : thresholds) {
          String name = s.name() + " + " + (resampled ? l.name() : l.nameWithoutBags())
              + (t.equals("tuned") ? " + tuned threshold" : " + argmax");
          out.add(new Candidate(name, s.value(), l.trainer(), t.equals("tuned"), resampled ? l.bags() : 1));
        }
      }
    }
    if (out.stream().map(Candidate::name).distinct().count() < out.size()) {
      throw new InvalidOptionException(where + ": the grid lists the same strategy twice");
    }
    return out;
  }

  private record Named<T>(String name, T value) {}

  /** A learner of the grid; {@code bags} (logistic only) apply when the strategy has a resampler. */
  private record Learner(String name, String nameWithoutBags, Trainer trainer, int bags) {}

  private static InvalidOptionException unknown(String where, String what, String value, List<String> valid) {
    return new InvalidOptionException(where + ": unknown " + what + " '" + value + "'; valid: " + String.join(", ", valid));
  }

  private static List<JsonNode> list(JsonNode root, String key, String where, String fallback) {
    JsonNode n = root.get(key);
    if (n == null || n.isNull()) {
      if (fallback == null) {
        throw new InvalidOptionException(where + ": the grid needs a list of " + key);
      }
      try {
        n = YAML.readTree(fallback);
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
    }
    List<JsonNode> out = new ArrayList<>();
    (n.isArray() ? n : YAML.createArrayNode().add(n)).forEach(out::add);
    if (out.isEmpty()) {
      throw new InvalidOptionException(where + ": the list of " + key + " is empty");
    }
    return out;
  }

  /** {@code name} or {@code {name: {param: value}}}: the name and its parameters as text. */
  private static Map.Entry<String, Map<String, String>> entry(JsonNode n, String what, String where) {
    if (n.isTextual()) {
      return Map.entry(n.asText().strip(), Map.of());
    }
    if (n.isObject() && n.size() == 1) {
      String name = n.fieldNames().next();
      JsonNode params = n.get(name);
      Map<String, String> p = new LinkedHashMap<>();
      if (params != null && !params.isNull()) {
        if (!params.isObject()) {
          throw new InvalidOptionException(where + ": the parameters of " + what + " " + name
              + " must be a mapping such as {k_neighbors: 3}");
        }
        params.fields().forEachRemaining(f -> p.put(f.getKey(),
            f.getValue().isArray() ? join(f.getValue()) : f.getValue().asText()));
      }
      return Map.entry(name.strip(), p);
    }
    throw new InvalidOptionException(where + ": a " + what + " is a name or {name: {parameter: value}}, not " + n);
  }

  private static String join(JsonNode array) {
    List<String> parts = new ArrayList<>();
    array.forEach(v -> parts.add(v.asText()));
    return String.join(",", parts);
  }

  private static String label(String name, Map<String, String> params) {
    if (params.isEmpty()) {
      return name;
    }
    List<String> kv = new ArrayList<>();
    params.forEach((k, v) -> kv.add(k + "=" + v));
    return name + "(" + String.join(", ", kv) + ")";
  }

  private static Named<LongFunction<Sampler>> sampler(JsonNode n, String where, Dataset d) {
    Map.Entry<String, Map<String, String>> e = entry(n, "sampler", where);
    if (e.getKey().equalsIgnoreCase("none")) {
      return new Named<>("none", null);
    }
    String name;
    Map<String, String> params = e.getValue();
    try {
      name = SamplerCatalog.get(e.getKey()).name();
      if (name.equals("SMOTE") && d.schema().hasCategorical()) {
        name = d.schema().categoricalIndices().length == d.features() ? "SMOTEN" : "SMOTENC";
      }
      SamplerCatalog.create(name, params, 0); // unknown or bad parameters fail before any fold runs
    } catch (InvalidOptionException bad) {
      throw new InvalidOptionException(where + ": " + bad.getMessage());
    }
    String method = name;
    return new Named<>(label(method, params), seed -> SamplerCatalog.create(method, params, seed));
  }

  private static Learner learner(JsonNode n, String where) {
    Map.Entry<String, Map<String, String>> e = entry(n, "learner", where);
    String kind = e.getKey().toLowerCase(Locale.ROOT);
    if (!LEARNERS.contains(kind)) {
      throw unknown(where, "learner", e.getKey(), LEARNERS);
    }
    Params p = new Params(kind, e.getValue(), where);
    String label = label(kind, e.getValue());
    if (kind.equals("logistic")) {
      int bags = p.integer("bags", 1);
      Map<String, String> withoutBags = new LinkedHashMap<>(e.getValue());
      withoutBags.remove("bags");
      Trainer t;
      double c = p.real("C", 1.0);
      int maxIter = p.integer("max_iter", 100);
      double tol = p.real("tol", 1e-4);
      try {
        t = LogisticRegression.builder().optC(c).optMaxIter(maxIter).optTolerance(tol)
            .optClassWeight(p.text("class_weight", "none")).build();
      } catch (InvalidOptionException bad) {
        throw new InvalidOptionException(where + ": logistic " + bad.getMessage());
      }
      p.done(List.of("C", "max_iter", "tol", "class_weight", "bags"));
      return new Learner(label, label(kind, withoutBags), t, bags);
    }
    String loss;
    String weights = p.text("class_weight", "none");
    org.imbalanced4j.djl.training.ValidationMetric metric;
    try {
      metric = org.imbalanced4j.djl.training.ValidationMetric.parse(p.text("metric", DEFAULT_METRIC.key()));
      loss = LossRecipes.parse(p.text("loss", "ce"));
      ClassWeights.of(weights, new long[] {1, 1}, 0.999);
    } catch (InvalidOptionException bad) {
      throw new InvalidOptionException(where + ": " + kind + " " + bad.getMessage());
    }
    int[] hidden = p.integers("hidden", new int[] {128, 64});
    int epochs = p.integer("epochs", DEFAULT_EPOCHS);
    Integer patience = e.getValue().containsKey("patience") ? p.integer("patience", 1) : null;
    int batch = p.integer("batch_size", 128);
    float lr = (float) p.real("lr", DEFAULT_LR);
    double timeLimit = p.real("time_limit", DEFAULT_TIME_LIMIT);
    if (!(timeLimit >= 0)) {
      throw new InvalidOptionException(where + ": " + kind + " time_limit must be 0 (none) or a number of seconds, got "
          + timeLimit);
    }
    p.done(List.of("loss", "class_weight", "hidden", "epochs", "patience", "batch_size", "lr", "metric", "time_limit"));
    Trainer t = new NeuralTrainer(label, train -> {
      long[] counts = train.classCounts().counts();
      double[] w = weights.equalsIgnoreCase("none") ? null : ClassWeights.of(weights, counts, 0.999);
      TabularTrainer.Builder b = TabularTrainer.builder().optNetwork(kind).optHidden(hidden).optEpochs(epochs)
          .optPatience(patience != null ? patience : autoPatience(train.rows(), batch)).optBatchSize(batch)
          .optMetric(metric).optLearningRate(lr)
          .optTimeLimit(timeLimit);
      return LossRecipes.apply(b, loss, counts, w);
    });
    return new Learner(label, label, t, 1);
  }

  /** The most epochs a network trains when the grid does not say; early stopping ends most runs far sooner. */
  static final int DEFAULT_EPOCHS = 300;

  /**
   * Seconds a network may train in one fit when the grid does not say: a cap on time rather than
   * on steps, so a large table is trained as long as it needs up to this limit, and a run that
   * reaches it while still improving says so in the report.
   */
  static final double DEFAULT_TIME_LIMIT = 300;

  /** Adam's step size when the grid does not say. */
  static final double DEFAULT_LR = 0.001;

  /** Optimiser steps without improvement that the default patience allows at least. */
  static final int PATIENCE_STEPS = 500;

  /**
   * Patience when the grid does not say: 10 epochs, and at least {@link #PATIENCE_STEPS} optimiser
   * steps: a small table has few steps per epoch (glass: 2), and its networks improve for hundreds
   * of steps, so it gets more epochs (up to the cap).
   */
  static int autoPatience(int rows, int batch) {
    int stepsPerEpoch = Math.max(1, (rows + batch - 1) / batch);
    return Math.max(10, (PATIENCE_STEPS + stepsPerEpoch - 1) / stepsPerEpoch);
  }

  /** A learner's parameters as text, read by type; unknown names are an error. */
  private record Params(String learner, Map<String, String> values, String where) {
    String text(String key, String fallback) {
      return values.getOrDefault(key, fallback);
    }

    double real(String key, double fallback) {
      String v = values.get(key);
      try {
        return v == null ? fallback : Double.parseDouble(v);
      } catch (NumberFormatException e) {
        throw new InvalidOptionException(where + ": " + learner + " " + key + " must be a number, got '" + v + "'");
      }
    }

    int integer(String key, int fallback) {
      String v = values.get(key);
      try {
        int i = v == null ? fallback : Integer.parseInt(v.strip());
        if (i < 1) {
          throw new NumberFormatException();
        }
        return i;
      } catch (NumberFormatException e) {
        throw new InvalidOptionException(where + ": " + learner + " " + key + " must be a positive whole number, got '" + v + "'");
      }
    }

    int[] integers(String key, int[] fallback) {
      String v = values.get(key);
      if (v == null) {
        return fallback;
      }
      String[] parts = v.split(",");
      int[] out = new int[parts.length];
      for (int i = 0; i < parts.length; i++) {
        out[i] = new Params(learner, Map.of(key, parts[i]), where).integer(key, 1);
      }
      return out;
    }

    void done(List<String> known) {
      for (String k : values.keySet()) {
        if (!known.contains(k)) {
          throw unknown(where, learner + " parameter", k, known);
        }
      }
    }
  }
}
