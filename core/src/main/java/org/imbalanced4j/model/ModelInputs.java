package org.imbalanced4j.model;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.imbalanced4j.DataException;
import org.imbalanced4j.data.Dataset;
import org.imbalanced4j.data.Feature;
import org.imbalanced4j.data.Schema;

/**
 * Rows read from a new file, lined up with the features a model was trained on: columns matched by
 * name (any order, extra columns ignored), category values mapped to the training levels. A value
 * the model never saw gets code -1, which {@link Standardizer} encodes with all the feature's
 * indicators zero, as scikit-learn's {@code OneHotEncoder(handle_unknown='ignore')}.
 */
public final class ModelInputs {
  private ModelInputs() {}

  /** {@code data} in the model's feature layout; {@code data} itself when it already is. */
  public static Dataset align(Schema trained, Dataset data) {
    if (trained.isImages() || data.schema().isImages()) {
      if (!java.util.Objects.equals(trained.imageShape(), data.schema().imageShape())) {
        throw new DataException(data.schema().isImages() && trained.isImages()
            ? "the model reads images of " + trained.imageShape() + "; these are " + data.schema().imageShape()
                + " (give --size to resize a folder on load)"
            : trained.isImages() ? "the model reads images, not a table" : "the model reads a table, not images");
      }
      return data;
    }
    if (data.schema().features().equals(trained.features())) {
      return data;
    }
    List<Feature> fs = trained.features();
    int d = fs.size();
    int[] src = new int[d];
    int[][] levelMap = new int[d][];
    for (int j = 0; j < d; j++) {
      Feature f = fs.get(j);
      src[j] = data.schema().featureNames().indexOf(f.name());
      if (src[j] < 0) {
        throw new DataException("the data has no column '" + f.name() + "', which the model was trained on");
      }
      Feature in = data.schema().feature(src[j]);
      if (f.isCategorical()) {
        List<String> inLevels = in.isCategorical() ? in.levels() : List.of();
        levelMap[j] = inLevels.stream().mapToInt(f.levels()::indexOf).toArray();
      } else if (in.isCategorical()) {
        throw new DataException("column '" + f.name() + "' holds words, but the model was trained on numbers");
      }
    }
    float[] v = new float[data.rows() * d];
    for (int i = 0; i < data.rows(); i++) {
      for (int j = 0; j < d; j++) {
        float x = data.value(i, src[j]);
        v[i * d + j] = levelMap[j] == null ? x : levelMap[j][(int) x];
      }
    }
    return Dataset.builder(new Schema(fs, trained.targetName(), trained.classNames())).setValues(v, data.rows())
        .setLabels(new int[data.rows()]).build();
  }

  /**
   * Category values of {@code data} the model never saw in training (a state code {@code ZZ}, or
   * {@code ca} where it learnt {@code CA}), counted per column and value in first-seen order.
   */
  public static Map<String, Map<String, Long>> unseenCategories(Schema trained, Dataset data) {
    Map<String, Map<String, Long>> out = new LinkedHashMap<>();
    for (Feature f : trained.features()) {
      int j = data.schema().featureNames().indexOf(f.name());
      if (!f.isCategorical() || j < 0 || !data.schema().feature(j).isCategorical()) {
        continue; // missing or numeric: align() says so
      }
      Set<String> known = new HashSet<>(f.levels());
      List<String> in = data.schema().feature(j).levels();
      long[] count = new long[in.size()];
      for (int i = 0; i < data.rows(); i++) {
        count[(int) data.value(i, j)]++;
      }
      Map<String, Long> unseen = new LinkedHashMap<>();
      for (int l = 0; l < in.size(); l++) {
        if (count[l] > 0 && !known.contains(in.get(l))) {
          unseen.put(in.get(l), count[l]);
        }
      }
      if (!unseen.isEmpty()) {
        out.put(f.name(), unseen);
      }
    }
    return out;
  }
}
