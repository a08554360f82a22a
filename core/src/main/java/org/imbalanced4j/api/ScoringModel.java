package org.imbalanced4j.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.imbalanced4j.data.Dataset;
import org.imbalanced4j.data.Feature;
import org.imbalanced4j.data.Schema;
import org.imbalanced4j.model.io.SavedModel;

/**
 * A trained model as a service scores with it: class probabilities and decided classes for a
 * {@link Dataset}, for one row, or for a batch of rows, with the decision rule saved beside the
 * model (a tuned threshold, for example). What {@code imb predict} writes for a file is what
 * {@link #predictProba(Dataset)} returns for it. Immutable and safe to score from many threads at
 * once.
 *
 * <p>A row as a {@code Map} names each feature: numbers (or text that reads as one) for numeric
 * features, the category's name for categorical ones. A category the model never saw is scored
 * with all its indicators zero, as {@code imb predict --unknown-category warn} does. A row as a
 * {@code double[]} holds the features in {@link #features()} order, categorical features as their
 * level's index in {@link #levels(String)}.
 *
 * <pre>{@code
 * ScoringModel m = Models.load(Path.of("model"));
 * double[] p = m.predictProba(Map.of("amount", 912.5, "country", "NL", "hour", 3));
 * String decided = m.predict(Map.of("amount", 912.5, "country", "NL", "hour", 3));
 * }</pre>
 */
public final class ScoringModel {
  private final SavedModel saved;
  private final Schema schema;

  /** Scores with a model and its decision rule (read from a directory, or fitted in memory). */
  public static ScoringModel of(SavedModel saved) {
    return new ScoringModel(saved);
  }

  ScoringModel(SavedModel saved) {
    this.saved = saved;
    this.schema = saved.model().schema();
  }

  /** The model as read from its directory (model, decision rule, temperature, configuration). */
  public SavedModel saved() {
    return saved;
  }

  /** The class names, in the order of the probability columns. */
  public List<String> classes() {
    return saved.classes();
  }

  /** The features a row gives, in the order of a {@code double[]} row. */
  public List<String> features() {
    return schema.featureNames();
  }

  /** A categorical feature's categories, in code order; empty for a numeric feature. */
  public List<String> levels(String feature) {
    return schema.feature(index(feature)).levels();
  }

  /** Class probabilities of each row of {@code data}, whose columns are matched to the features by name. */
  public double[][] predictProba(Dataset data) {
    return saved.predictProba(data);
  }

  /** The decided class of each row of {@code data} by the saved decision rule, as class names. */
  public List<String> predict(Dataset data) {
    return names(saved.predictClass(predictProba(data)));
  }

  /** Class probabilities of one row given by feature name. */
  public double[] predictProba(Map<String, ?> row) {
    return predictProba(List.of(row))[0];
  }

  /** The decided class of one row given by feature name. */
  public String predict(Map<String, ?> row) {
    return predict(List.of(row)).get(0);
  }

  /** Class probabilities of rows given by feature name, one row of probabilities each. */
  public double[][] predictProba(List<? extends Map<String, ?>> rows) {
    int d = schema.featureCount();
    float[] v = new float[Math.multiplyExact(rows.size(), d)];
    for (int i = 0; i < rows.size(); i++) {
      Map<String, ?> row = rows.get(i);
      for (int j = 0; j < d; j++) {
        Feature f = schema.feature(j);
        Object x = row.get(f.name());
        if (x == null) {
          throw new IllegalArgumentException("row " + i + " has no value for feature '" + f.name() + "'; features: "
              + features());
        }
        v[i * d + j] = f.isCategorical() ? f.levels().indexOf(x.toString()) : number(i, f, x);
      }
    }
    return score(v, rows.size());
  }

  /** The decided classes of rows given by feature name. */
  public List<String> predict(List<? extends Map<String, ?>> rows) {
    return names(saved.predictClass(predictProba(rows)));
  }

  /** Class probabilities of one row of feature values in {@link #features()} order. */
  public double[] predictProba(double[] row) {
    return predictProba(new double[][] {row})[0];
  }

  /** Class probabilities of rows of feature values in {@link #features()} order. */
  public double[][] predictProba(double[][] rows) {
    int d = schema.featureCount();
    float[] v = new float[Math.multiplyExact(rows.length, d)];
    for (int i = 0; i < rows.length; i++) {
      if (rows[i].length != d) {
        throw new IllegalArgumentException("row " + i + " has " + rows[i].length + " values; the model reads " + d
            + ": " + features());
      }
      for (int j = 0; j < d; j++) {
        double x = rows[i][j];
        Feature f = schema.feature(j);
        if (f.isCategorical() && (x != Math.rint(x) || x < -1 || x >= f.levels().size())) {
          throw new IllegalArgumentException("row " + i + ", feature '" + f.name() + "': " + x
              + " is not a category index in [0, " + f.levels().size() + ")");
        }
        v[i * d + j] = (float) x;
      }
    }
    return score(v, rows.length);
  }

  private double[][] score(float[] values, int rows) {
    if (rows == 0) {
      return new double[0][];
    }
    Dataset data = Dataset.builder(schema).setValues(values, rows).setLabels(new int[rows]).build();
    return saved.predictProba(data);
  }

  private static float number(int row, Feature f, Object x) {
    double v;
    if (x instanceof Number n) {
      v = n.doubleValue();
    } else {
      try {
        v = Double.parseDouble(x.toString().strip());
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("row " + row + ", feature '" + f.name() + "': '" + x + "' is not a number");
      }
    }
    if (!Double.isFinite(v)) {
      throw new IllegalArgumentException("row " + row + ", feature '" + f.name() + "': " + v + " is not finite");
    }
    return (float) v;
  }

  private int index(String feature) {
    int j = schema.featureNames().indexOf(feature);
    if (j < 0) {
      throw new IllegalArgumentException("no feature '" + feature + "'; features: " + features());
    }
    return j;
  }

  private List<String> names(int[] codes) {
    List<String> out = new ArrayList<>(codes.length);
    for (int c : codes) {
      out.add(classes().get(c));
    }
    return out;
  }
}
