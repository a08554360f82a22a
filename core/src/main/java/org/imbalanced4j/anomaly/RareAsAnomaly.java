package org.imbalanced4j.anomaly;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.imbalanced4j.DataException;
import org.imbalanced4j.InvalidOptionException;
import org.imbalanced4j.catalog.Param;
import org.imbalanced4j.catalog.Params;
import org.imbalanced4j.data.Dataset;
import org.imbalanced4j.learn.Capability;
import org.imbalanced4j.learn.Learner;
import org.imbalanced4j.model.Model;
import org.imbalanced4j.model.Provenance;
import org.imbalanced4j.model.Standardizer;
import org.imbalanced4j.model.Trainer;
import org.imbalanced4j.numeric.Percentile;
import org.imbalanced4j.threshold.Thresholds;

/**
 * "The rare classes as anomalies": a detector fitted on the majority class's training rows only
 * (inputs as every learner of tables makes them), every row scored, and a cut on the score above
 * which a row is called "not the majority class". The cut is chosen on the training rows by core's
 * threshold selection (Youden's J, so the balanced accuracy of majority against the rest is
 * highest), or from {@code contamination} as scikit-learn sets {@code offset_}: {@code auto} (the
 * detector's own rule) or a share c of the majority's training rows above the cut.
 */
public final class RareAsAnomaly implements Trainer {
  private final String detectorName;
  private final Detector detector;
  private final String contamination;
  private final Map<String, String> given;

  RareAsAnomaly(String detectorName, Detector detector, String contamination, Map<String, String> given) {
    this.detectorName = detectorName;
    this.detector = detector;
    this.contamination = contamination;
    this.given = Map.copyOf(given);
  }

  /** The grid learner of a detector (core's {@code iforest} and {@code ocsvm}, djl's {@code autoencoder}, ...). */
  public static Learner learner(DetectorKind kind) {
    String name = kind.name();
    List<Param> ps = new java.util.ArrayList<>(kind.params());
    ps.add(new Param("contamination", "select", "where the score is cut: select (the threshold that best separates "
        + "the majority from the rest on the training rows) | auto (the detector's own rule) | a share in (0, 0.5] of "
        + "the majority's rows above the cut"));
    return new Learner(name, kind.description() + " fitted on the majority class only: the rarer classes scored as anomalies.", ps,
        Set.of(Capability.TABLE, Capability.ONE_CLASS),
        p -> new RareAsAnomaly(name, kind.factory().create(p), contamination(p), p.given()), AnomalyModel.FORMAT);
  }

  /** {@code select}, {@code auto} or a share in (0, 0.5], checked. */
  static String contamination(Params p) {
    String c = p.text("contamination", "select").strip().toLowerCase(java.util.Locale.ROOT);
    if (!c.equals("select") && !c.equals("auto")) {
      double v = p.real("contamination", 0.1);
      if (!(v > 0 && v <= 0.5)) {
        throw new InvalidOptionException(p.owner() + ": contamination must be select, auto or in (0, 0.5], got " + c);
      }
    }
    return c;
  }

  @Override
  public String describe() {
    return org.imbalanced4j.catalog.Params.label(detectorName, given);
  }

  @Override
  public Model fit(Dataset train, Dataset validation, long seed) {
    org.imbalanced4j.data.ClassCounts cc = train.classCounts();
    if (cc.presentClassCount() < 2) {
      throw new DataException(detectorName + ": the training rows hold one class; the rare classes scored as "
          + "anomalies need the majority and at least one other");
    }
    int majority = cc.majority();
    Standardizer std = Standardizer.fit(train);
    float[] x = std.transform(train);
    int width = std.width();
    int n = train.rows();
    int normal = (int) cc.count(majority);
    float[] xn = new float[normal * width];
    int at = 0;
    for (int i = 0; i < n; i++) {
      if (train.label(i) == majority) {
        System.arraycopy(x, i * width, xn, at * width, width);
        at++;
      }
    }
    Detector.Fitted fitted = detector.fit(xn, normal, width, seed);
    double[] s = fitted.anomaly(x, n);
    boolean[] rare = new boolean[n];
    double[] sn = new double[normal];
    at = 0;
    for (int i = 0; i < n; i++) {
      rare[i] = train.label(i) != majority;
      if (!rare[i]) {
        sn[at++] = s[i];
      }
    }
    double cut = switch (contamination) {
      case "select" -> Thresholds.maximizeYoudenJ(rare, s).threshold();
      case "auto" -> fitted.defaultCut();
      default -> Percentile.of(sn, 100 * (1 - Double.parseDouble(contamination)));
    };
    if (Double.isInfinite(cut) || Double.isNaN(cut)) {
      cut = Percentile.of(sn, 90);
    }
    double scale = spread(s);
    double[] priors = new double[train.classCount()];
    long others = n - normal;
    for (int c = 0; c < priors.length; c++) {
      priors[c] = c == majority ? 0 : (double) cc.count(c) / others;
    }
    Map<String, Object> params = new LinkedHashMap<>(given);
    params.put("cut", cut);
    return new AnomalyModel(train.schema(), std, fitted, majority, cut, scale, priors,
        new Provenance(describe(), params, seed, n + " rows, " + normal + " of them normal"));
  }

  /** The interquartile range of the scores (their sd when it is 0; 1 when both are). */
  private static double spread(double[] s) {
    double iqr = Percentile.of(s, 75) - Percentile.of(s, 25);
    if (iqr > 0) {
      return iqr;
    }
    double m = java.util.Arrays.stream(s).average().orElse(0);
    double v = java.util.Arrays.stream(s).map(t -> (t - m) * (t - m)).average().orElse(0);
    return v > 0 ? Math.sqrt(v) : 1;
  }
}
