package org.imbalanced4j.experiment;

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
import org.imbalanced4j.catalog.Params;
import org.imbalanced4j.ensemble.BalancedBagging;
import org.imbalanced4j.experiment.Candidate;
import org.imbalanced4j.learn.LearnerCatalog;
import org.imbalanced4j.model.Trainer;
import org.imbalanced4j.sampling.Sampler;
import org.imbalanced4j.sampling.SamplerCatalog;

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
  private static final List<String> THRESHOLDS = List.of("argmax", "tuned");
  private Grid() {}

  /**
   * The default grid's YAML, with the comments that document the format; the learners' part is
   * generated from the catalogue.
   */
  public static String defaultText() {
    return defaultText(false);
  }

  /** The default grid's YAML for images or for tables. */
  public static String defaultText(boolean images) {
    try (InputStream in = Grid.class.getResourceAsStream(images ? "default-image-grid.yaml" : "default-grid.yaml")) {
      String text = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
      StringBuilder doc = new StringBuilder();
      doc.append(wrap("# learners: ", "any of `imb compare --list-learners`, with its parameters: `logistic: {C: 0.5}`. "
          + "Every learner also takes bags (1): with a resampler, the learner is fitted on that many draws of it "
          + "and the fits averaged (balanced bagging: less variance from one lucky or unlucky draw); no effect "
          + "without a resampler." + (images ? "" : " Learners that stop early on validation rows (mlp, xgboost) are "
          + "cross-fitted on tables of at most " + String.format(java.util.Locale.ROOT, "%,d", CrossFit.MAX_ROWS)
          + " training rows with a class of fewer than " + CrossFit.FOLDS * CrossFit.MIN_CLASS_ROWS + ": fitted "
          + CrossFit.FOLDS + " times, each stopped on another fifth of the training rows, and averaged (a fifth of "
          + "a rare class is too few rows to stop on, and too many to leave out); about 3x the fit time."), "#   "));
      for (org.imbalanced4j.learn.Learner l : LearnerCatalog.all()) {
        if (!l.can(images ? org.imbalanced4j.learn.Capability.IMAGES : org.imbalanced4j.learn.Capability.TABLE)) {
          continue;
        }
        doc.append(wrap("#   " + l.name() + ": ", l.description(), "#     "));
        l.params().forEach(p -> doc.append(wrap("#     " + p.name() + " (" + p.defaultValue() + "): ", p.description(),
            "#         ")));
      }
      return text.replace("#LEARNERS#\n", doc.toString());
    } catch (IOException e) {
      throw new IllegalStateException("the default grid is missing from the jar", e);
    }
  }

  /**
   * Every learner of the catalogue for {@code imb compare --list-learners}: name, what it can do,
   * what it is, and its parameters with their defaults.
   */
  public static String learnerList() {
    StringBuilder out = new StringBuilder();
    for (org.imbalanced4j.learn.Learner l : LearnerCatalog.all()) {
      List<String> can = l.capabilities().stream().sorted().map(c -> c.name().toLowerCase(Locale.ROOT)).toList();
      out.append(l.name()).append("  [").append(String.join(", ", can)).append("]\n");
      out.append(wrap("  ", l.description(), "  "));
      int w = l.params().stream().mapToInt(p -> p.name().length() + p.defaultValue().length() + 3).max().orElse(0);
      for (org.imbalanced4j.catalog.Param p : l.params()) {
        String head = "    " + p.name() + " (" + p.defaultValue() + ")";
        out.append(wrap(head + " ".repeat(Math.max(1, w + 6 - head.length())), p.description(), " ".repeat(w + 6)));
      }
      out.append('\n');
    }
    out.append("Every learner in a grid also takes bags (1): with a resampler, that many draws of it and the fits "
        + "averaged.\n");
    return out.toString();
  }

  /**
   * {@code lead} then the words of {@code text}, cut into lines of at most 100 columns, each
   * further line starting with {@code indent}.
   */
  static String wrap(String lead, String text, String indent) {
    StringBuilder out = new StringBuilder();
    StringBuilder line = new StringBuilder(lead);
    boolean empty = true;
    for (String word : text.strip().split(" +")) {
      if (!empty && line.length() + 1 + word.length() > 100) {
        out.append(line).append('\n');
        line = new StringBuilder(indent);
        empty = true;
      }
      line.append(empty ? "" : " ").append(word);
      empty = false;
    }
    return out.append(line).append('\n').toString();
  }

  /** The default grid, for data like {@code d}. */
  public static List<Candidate> defaults(Dataset d) {
    try {
      // its tuned thresholds are for two classes; a grid of one's own lists them and sees them marked
      return parse(YAML.readTree(defaultText(d.schema().isImages())), "default grid", d).stream()
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

  /** The grid of YAML text, for data like {@code d}. */
  public static List<Candidate> parse(String yaml, Dataset d) {
    try {
      return parse(YAML.readTree(yaml), "grid", d);
    } catch (IOException e) {
      String msg = e.getMessage() == null ? e.toString() : e.getMessage().lines().findFirst().orElse("");
      throw new InvalidOptionException("grid: not valid YAML (" + msg + ")");
    }
  }

  /**
   * A grid built in code, with the structure of the YAML: {@code samplers}, {@code learners} and
   * {@code thresholds}, each a list of names or of {@code {name: {parameter: value}}} maps.
   *
   * <pre>{@code
   * Grid.of(Map.of("samplers", List.of("none", Map.of("SMOTE", Map.of("k_neighbors", 3))),
   *     "learners", List.of("logistic", Map.of("mlp", Map.of("loss", "focal"))),
   *     "thresholds", List.of("argmax", "tuned")), data);
   * }</pre>
   */
  public static List<Candidate> of(Map<String, ?> grid, Dataset d) {
    return parse(YAML.valueToTree(grid), "grid", d);
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
      learners.add(learner(n, where, d));
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
          String fit = s.name() + " + " + (resampled ? l.name() : l.nameWithoutBags());
          String name = fit + (t.equals("tuned") ? " + tuned threshold" : " + argmax");
          boolean tuned = t.equals("tuned");
          out.add(resampled && l.bags() > 1
              ? new Candidate(name, null, new BalancedBagging(l.trainer(), s.value(), l.bags()), tuned, fit)
              : new Candidate(name, s.value(), l.trainer(), tuned, fit));
        }
      }
    }
    if (out.stream().map(Candidate::name).distinct().count() < out.size()) {
      throw new InvalidOptionException(where + ": the grid lists the same strategy twice");
    }
    return out;
  }

  private record Named<T>(String name, T value) {}

  /**
   * A learner of the grid; {@code bags} (any learner) apply when the strategy has a resampler: the
   * learner becomes a {@link BalancedBagging} ensemble over draws of it.
   */
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

  private static Named<LongFunction<Sampler>> sampler(JsonNode n, String where, Dataset d) {
    Map.Entry<String, Map<String, String>> e = entry(n, "sampler", where);
    if (e.getKey().equalsIgnoreCase("none")) {
      return new Named<>("none", null);
    }
    String name;
    Map<String, String> params = e.getValue();
    try {
      name = SamplerCatalog.get(e.getKey()).name();
      if (d.schema().isImages() && (!SamplerCatalog.IMAGE_SAMPLERS.contains(name) || params.containsKey("shrinkage"))) {
        throw new InvalidOptionException(name + " works on feature values; images are resampled with "
            + String.join(", ", SamplerCatalog.IMAGE_SAMPLERS) + " (without shrinkage)");
      }
      if (name.equals("SMOTE") && d.schema().hasCategorical()) {
        name = d.schema().categoricalIndices().length == d.features() ? "SMOTEN" : "SMOTENC";
      }
      SamplerCatalog.create(name, params, 0); // unknown or bad parameters fail before any fold runs
    } catch (InvalidOptionException bad) {
      throw new InvalidOptionException(where + ": " + bad.getMessage());
    }
    String method = name;
    return new Named<>(Params.label(method, params), seed -> SamplerCatalog.create(method, params, seed));
  }

  private static Learner learner(JsonNode n, String where, Dataset d) {
    Map.Entry<String, Map<String, String>> e = entry(n, "learner", where);
    Map<String, String> params = new LinkedHashMap<>(e.getValue());
    String bagsText = params.remove("bags");
    try {
      org.imbalanced4j.learn.Learner entry = LearnerCatalog.get(e.getKey());
      LearnerCatalog.checkInput(entry, d.schema());
      int bags = new Params(entry.name(), bagsText == null ? Map.of() : Map.of("bags", bagsText), List.of("bags"))
          .positive("bags", 1);
      Trainer t = entry.create(params);
      return new Learner(Params.label(entry.name(), e.getValue()), Params.label(entry.name(), params), t, bags);
    } catch (InvalidOptionException bad) {
      throw new InvalidOptionException(where + ": " + bad.getMessage());
    }
  }

}
