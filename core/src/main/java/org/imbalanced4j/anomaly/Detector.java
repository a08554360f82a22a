package org.imbalanced4j.anomaly;

import java.io.DataOutputStream;
import java.io.IOException;

/**
 * An unsupervised anomaly detector on numeric inputs (row-major, as {@link
 * org.imbalanced4j.model.Standardizer} makes them): fitted on rows, it scores rows with an anomaly
 * score, higher meaning more anomalous. Detectors are configurations; fitting with the same rows and
 * seed gives the same {@link Fitted}.
 */
public interface Detector {
  /** The detector's name, as {@code imb detect --method} and grids give it. */
  String name();

  /** Fits on {@code rows} rows of {@code width} inputs. */
  Fitted fit(float[] x, int rows, int width, long seed);

  /** A fitted detector: immutable, safe to score from several threads. */
  interface Fitted {
    /** Anomaly scores of {@code rows} rows: higher is more anomalous. */
    double[] anomaly(float[] x, int rows);

    /**
     * The score above which scikit-learn's {@code predict} calls a row an outlier when {@code
     * contamination='auto'} (its {@code -offset_}), or NaN when the detector has no such rule.
     */
    double defaultCut();

    /** The detector's name, for the model file. */
    String name();

    /** Writes what {@link Detectors#read} reads back. */
    void write(DataOutputStream out) throws IOException;
  }
}
