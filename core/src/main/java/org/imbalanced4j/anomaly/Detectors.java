package org.imbalanced4j.anomaly;

import java.io.DataInputStream;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import org.imbalanced4j.InvalidOptionException;
import org.imbalanced4j.catalog.Param;
import org.imbalanced4j.catalog.Params;
import org.imbalanced4j.learn.LearnerCatalog;

/**
 * The detectors of every module on the class path by name (core's {@link #BUILT_IN} and those the
 * other modules register through {@link org.imbalanced4j.learn.LearnerProvider#detectors()}), with
 * their parameters as {@code imb detect --param} and grids give them, and the reader of fitted ones.
 */
public final class Detectors {
  private Detectors() {}

  /** Core's detectors: Isolation Forest and the one-class SVM. */
  public static final List<DetectorKind> BUILT_IN = List.of(
      new DetectorKind("iforest", "Isolation Forest", List.of(new Param("n_estimators", "100", "isolation trees"),
          new Param("max_samples", "auto", "rows per tree: auto (min(256, n)) or a count")), p -> {
            String ms = p.text("max_samples", "auto");
            return new IsolationForest(p.positive("n_estimators", 100), ms.equalsIgnoreCase("auto") ? 256
                : p.positive("max_samples", 256));
          }, IsolationForest.Forest::read),
      new DetectorKind("ocsvm", "one-class SVM (LIBSVM)", List.of(
          new Param("nu", "0.5", "upper bound on the share of training rows outside the support"),
          new Param("kernel", "rbf", "rbf | linear"),
          new Param("gamma", "scale", "RBF width: scale (1 / (columns x variance)) or a number"),
          new Param("tol", "1e-3", "the solver's stopping tolerance")), p -> {
            String g = p.text("gamma", "scale");
            return new OneClassSvm(p.real("nu", 0.5, Double.MIN_VALUE, 1), p.choice("kernel", "rbf", List.of("rbf",
                "linear")).equals("linear"), g.equalsIgnoreCase("scale") ? Double.NaN
                : p.real("gamma", 1, Double.MIN_VALUE, 1e12), p.real("tol", 1e-3, 1e-12, 1));
          }, OneClassSvm.Model::read));

  /** Every registered detector's name. */
  public static List<String> names() {
    return LearnerCatalog.detectors().stream().map(DetectorKind::name).toList();
  }

  /** The detector of that name, case-insensitive; an unknown name lists the valid ones. */
  public static DetectorKind get(String name) {
    String n = name.strip().toLowerCase(Locale.ROOT);
    return LearnerCatalog.detectors().stream().filter(k -> k.name().equals(n)).findFirst()
        .orElseThrow(() -> InvalidOptionException.unknown("detector", name, names()));
  }

  /** The documented parameters of a detector. */
  public static List<Param> params(String name) {
    return get(name).params();
  }

  /** A detector from its name and checked parameters. */
  public static Detector create(String name, Params p) {
    return get(name).factory().create(p);
  }

  /** A fitted detector written by {@link Detector.Fitted#write}, named first. */
  static Detector.Fitted read(String name, DataInputStream in, int width) throws IOException {
    DetectorKind k = LearnerCatalog.detectors().stream().filter(d -> d.name().equals(name)).findFirst()
        .orElseThrow(() -> new IOException("unknown detector '" + name + "'"));
    return k.reader().read(in, width);
  }
}
