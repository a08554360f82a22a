package org.imbalanced4j.learn;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import org.imbalanced4j.InvalidOptionException;
import org.imbalanced4j.anomaly.DetectorKind;
import org.imbalanced4j.model.Trainer;
import org.imbalanced4j.model.io.ModelFormat;

/**
 * Every learner of every module on the class path, by name, as {@code SamplerCatalog} holds the
 * samplers: {@code create("logistic", {class_weight: balanced})} is a trainer. Modules register
 * through {@link LearnerProvider}; the catalogue also answers which {@link ModelFormat} reads a
 * model kind.
 */
public final class LearnerCatalog {
  private static volatile Registry registry;

  private LearnerCatalog() {}

  private record Registry(List<Learner> learners, Map<String, ModelFormat> formats, List<DetectorKind> detectors) {}

  private static Registry registry() {
    Registry r = registry;
    if (r == null) {
      synchronized (LearnerCatalog.class) {
        if (registry == null) {
          List<Learner> learners = new ArrayList<>();
          Map<String, ModelFormat> formats = new LinkedHashMap<>();
          List<DetectorKind> detectors = new ArrayList<>();
          for (LearnerProvider p : ServiceLoader.load(LearnerProvider.class, LearnerCatalog.class.getClassLoader())) {
            for (Learner l : p.learners()) {
              if (learners.stream().anyMatch(o -> o.name().equalsIgnoreCase(l.name()))) {
                throw new IllegalStateException("two learners are named " + l.name());
              }
              learners.add(l);
              if (l.format() != null) {
                formats.putIfAbsent(l.format().kind(), l.format());
              }
            }
            p.formats().forEach(f -> formats.putIfAbsent(f.kind(), f));
            for (DetectorKind d : p.detectors()) {
              if (detectors.stream().anyMatch(o -> o.name().equals(d.name()))) {
                throw new IllegalStateException("two detectors are named " + d.name());
              }
              detectors.add(d);
            }
          }
          registry = new Registry(List.copyOf(learners), Map.copyOf(formats), List.copyOf(detectors));
        }
        r = registry;
      }
    }
    return r;
  }

  /** Every registered learner, in the order their modules list them. */
  public static List<Learner> all() {
    return registry().learners();
  }

  /** The learner of that name, case-insensitive; an unknown name lists the valid ones. */
  public static Learner get(String name) {
    String n = name.strip().toLowerCase(Locale.ROOT);
    for (Learner l : all()) {
      if (l.name().toLowerCase(Locale.ROOT).equals(n)) {
        return l;
      }
    }
    throw InvalidOptionException.unknown("learner", name, all().stream().map(Learner::name).toList());
  }

  /** A trainer from a learner's name and parameters as text. */
  public static Trainer create(String name, Map<String, String> params) {
    return get(name).create(params);
  }

  /**
   * Refuses a learner for data it cannot learn from: images for a learner of tables, or a table for
   * one of images, naming the learners that can.
   */
  public static void checkInput(Learner l, org.imbalanced4j.data.Schema data) {
    Capability need = data.isImages() ? Capability.IMAGES : Capability.TABLE;
    if (!l.can(need)) {
      List<String> can = all().stream().filter(o -> o.can(need)).map(Learner::name).toList();
      throw new InvalidOptionException(l.name() + " learns from " + (data.isImages() ? "tables, not images" : "images, not tables")
          + "; learners for " + (data.isImages() ? "images" : "tables") + ": " + String.join(", ", can));
    }
  }

  /** Every registered anomaly detector, in the order their modules list them. */
  public static List<DetectorKind> detectors() {
    return registry().detectors();
  }

  /** The reader of models of a kind. */
  public static Optional<ModelFormat> format(String kind) {
    return Optional.ofNullable(registry().formats().get(kind));
  }

  /** The model kinds that can be read. */
  public static List<String> kinds() {
    return registry().formats().keySet().stream().sorted().toList();
  }
}
