package org.imbalanced4j.anomaly;

import java.io.DataInputStream;
import java.io.IOException;
import java.util.List;
import org.imbalanced4j.InvalidOptionException;
import org.imbalanced4j.catalog.Param;
import org.imbalanced4j.catalog.Params;

/**
 * The detectors by name, with their parameters as {@code imb detect --param} and grids give them,
 * and the reader of fitted ones.
 */
public final class Detectors {
  private Detectors() {}

  /** The detectors' names. */
  public static final List<String> NAMES = List.of("iforest", "ocsvm");

  /** The documented parameters of a detector. */
  public static List<Param> params(String name) {
    return switch (name) {
      case "iforest" -> List.of(new Param("n_estimators", "100", "isolation trees"),
          new Param("max_samples", "auto", "rows per tree: auto (min(256, n)) or a count"));
      case "ocsvm" -> List.of(new Param("nu", "0.5", "upper bound on the share of training rows outside the support"),
          new Param("kernel", "rbf", "rbf | linear"),
          new Param("gamma", "scale", "RBF width: scale (1 / (columns x variance)) or a number"),
          new Param("tol", "1e-3", "the solver's stopping tolerance"));
      default -> throw InvalidOptionException.unknown("detector", name, NAMES);
    };
  }

  /** A detector from its name and checked parameters. */
  public static Detector create(String name, Params p) {
    return switch (name) {
      case "iforest" -> {
        String ms = p.text("max_samples", "auto");
        yield new IsolationForest(p.positive("n_estimators", 100), ms.equalsIgnoreCase("auto") ? 256
            : p.positive("max_samples", 256));
      }
      case "ocsvm" -> {
        String g = p.text("gamma", "scale");
        yield new OneClassSvm(p.real("nu", 0.5, Double.MIN_VALUE, 1), p.choice("kernel", "rbf", List.of("rbf",
            "linear")).equals("linear"), g.equalsIgnoreCase("scale") ? Double.NaN
            : p.real("gamma", 1, Double.MIN_VALUE, 1e12), p.real("tol", 1e-3, 1e-12, 1));
      }
      default -> throw InvalidOptionException.unknown("detector", name, NAMES);
    };
  }

  /** A fitted detector written by {@link Detector.Fitted#write}, named first. */
  static Detector.Fitted read(String name, DataInputStream in, int width) throws IOException {
    return switch (name) {
      case "iforest" -> IsolationForest.Forest.read(in, width);
      case "ocsvm" -> OneClassSvm.Model.read(in, width);
      default -> throw new IOException("unknown detector '" + name + "'");
    };
  }
}
