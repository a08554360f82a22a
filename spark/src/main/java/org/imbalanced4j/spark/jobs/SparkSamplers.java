package org.imbalanced4j.spark.jobs;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.imbalanced4j.InvalidOptionException;
import org.imbalanced4j.spark.sampling.BorderlineSmote;
import org.imbalanced4j.spark.sampling.EditedNearestNeighbours;
import org.imbalanced4j.spark.sampling.RandomOverSampler;
import org.imbalanced4j.spark.sampling.RandomUnderSampler;
import org.imbalanced4j.spark.sampling.Smote;
import org.imbalanced4j.spark.sampling.SparkSampler;
import org.imbalanced4j.spark.sampling.TomekLinks;

/** The Spark samplers by imbalanced-learn's class names, their parameters by its parameter names. */
final class SparkSamplers {
  static final List<String> NAMES = List.of("RandomUnderSampler", "RandomOverSampler", "SMOTE", "BorderlineSMOTE",
      "TomekLinks", "EditedNearestNeighbours");

  private SparkSamplers() {}

  static SparkSampler create(String method, Map<String, String> params, long seed) {
    String m = method.toLowerCase(Locale.ROOT).replace("_", "").replace("-", "");
    SparkSampler s;
    Set<String> accepted;
    switch (m) {
      case "randomundersampler" -> {
        s = new RandomUnderSampler();
        accepted = Set.of("replacement");
      }
      case "randomoversampler" -> {
        s = new RandomOverSampler();
        accepted = Set.of();
      }
      case "smote" -> {
        s = new Smote();
        accepted = Set.of("k_neighbors", "max_broadcast_mb");
      }
      case "borderlinesmote" -> {
        s = new BorderlineSmote();
        accepted = Set.of("k_neighbors", "m_neighbors", "kind", "max_broadcast_mb");
      }
      case "tomeklinks" -> {
        s = new TomekLinks();
        accepted = Set.of("max_broadcast_mb");
      }
      case "editednearestneighbours" -> {
        s = new EditedNearestNeighbours();
        accepted = Set.of("n_neighbors", "kind_sel", "max_broadcast_mb");
      }
      default -> throw InvalidOptionException.unknown("method with --spark", method, NAMES);
    }
    s.setSeed(seed);
    for (Map.Entry<String, String> e : params.entrySet()) {
      String key = e.getKey();
      String v = e.getValue();
      if (key.equals("sampling_strategy")) {
        s.setSamplingStrategy(v);
      } else if (!accepted.contains(key)) {
        throw new InvalidOptionException(s.name() + " on Spark takes sampling_strategy"
            + (accepted.isEmpty() ? "" : ", " + String.join(", ", accepted.stream().sorted().toList()))
            + "; not " + key + (key.equals("random_state") ? " (give --seed)" : ""));
      } else {
        switch (key) {
          case "replacement" -> ((RandomUnderSampler) s).setReplacement(bool(key, v));
          case "k_neighbors" -> ((org.imbalanced4j.spark.sampling.SmoteFamily) s).setKNeighbors(integer(key, v));
          case "m_neighbors" -> ((BorderlineSmote) s).setMNeighbors(integer(key, v));
          case "max_broadcast_mb" -> ((org.imbalanced4j.spark.sampling.NeighbourSampler) s)
              .setMaxBroadcastMb(integer(key, v));
          case "kind" -> ((BorderlineSmote) s).setKind(v);
          case "n_neighbors" -> ((EditedNearestNeighbours) s).setNNeighbors(integer(key, v));
          case "kind_sel" -> ((EditedNearestNeighbours) s).setKindSel(v);
          default -> throw new IllegalStateException(key);
        }
      }
    }
    return s;
  }

  private static int integer(String key, String v) {
    try {
      return Integer.parseInt(v.strip());
    } catch (NumberFormatException e) {
      throw new InvalidOptionException(key + " must be a whole number, got '" + v + "'");
    }
  }

  private static boolean bool(String key, String v) {
    return switch (v.strip().toLowerCase(Locale.ROOT)) {
      case "true", "1", "yes" -> true;
      case "false", "0", "no" -> false;
      default -> throw new InvalidOptionException(key + " must be true or false, got '" + v + "'");
    };
  }
}
