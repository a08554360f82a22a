package org.imbalanced4j.model;

import java.util.List;
import org.imbalanced4j.data.Dataset;
import org.imbalanced4j.data.Schema;
import org.imbalanced4j.model.io.ModelFormat;
import org.imbalanced4j.model.io.ModelWriter;

/**
 * A fitted linear classifier: {@code p = softmax(W^T x + b)} on standardised features ({@link
 * LogisticRegression}'s model). Immutable; the weights are copied in and out.
 *
 * @param schema the training data's description (features and classes)
 * @param weights {@code (features + 1) x classes}, row-major: row j holds feature j's weight for
 *     each class, the last row the biases
 * @param warnings what the fit reports, such as a solver that stopped before converging
 */
public record LinearModel(Schema schema, Standardizer standardizer, double[] weights, Provenance provenance,
    List<String> warnings) implements Model {
  /** Reads the models {@link #save} writes: the standardisation and the weights. */
  public static final ModelFormat FORMAT = ModelFormat.of("linear", in -> new LinearModel(in.schema(),
      Standardizer.read(in.get("standardizer")), in.doubles("weights"),
      new Provenance("linear", java.util.Map.of(), 0, "saved"), List.of()));

  /** Checks the sizes agree. */
  public LinearModel {
    weights = weights.clone();
    warnings = List.copyOf(warnings);
    if (weights.length != (standardizer.width() + 1) * schema.classCount()) {
      throw new IllegalArgumentException(weights.length + " weights do not fit " + standardizer.width()
          + " inputs x " + schema.classCount() + " classes");
    }
  }

  @Override
  public String kind() {
    return "linear";
  }

  @Override
  public void save(ModelWriter out) {
    out.put("standardizer", standardizer.toMap());
    out.put("weights", weights);
  }

  @Override
  public ScoreKind scoreKind() {
    return ScoreKind.LOGIT;
  }

  @Override
  public double[][] scores(Dataset data) {
    return logits(data);
  }

  /** The coefficients, row-major by class, on standardised features. */
  @Override
  public double[] weights() {
    return weights.clone();
  }

  /** The scores {@code W^T x + b} of every row (the logits). */
  public double[][] logits(Dataset data) {
    int d = standardizer.width();
    int classes = schema.classCount();
    float[] xs = standardizer.transform(data);
    double[][] out = new double[data.rows()][classes];
    for (int i = 0; i < out.length; i++) {
      LogisticRegression.scores(weights, xs, i * d, d, classes, out[i]);
    }
    return out;
  }

  @Override
  public double[][] predictProba(Dataset data) {
    double[][] z = logits(data);
    for (double[] zi : z) {
      LogisticRegression.softmax(zi);
    }
    return z;
  }

  /**
   * The model whose logits are the mean of the given models' logits, exactly: each model's logits
   * are linear in the raw features, {@code a_m . x + c_m} with {@code a_m = W_m / sd_m} and {@code
   * c_m = b_m - sum(W_m mean_m / sd_m)}, so their mean is the linear model {@code mean(a_m) . x +
   * mean(c_m)}, written on the first model's standardisation. Averaging logits of models fitted on
   * independent draws of a resampler is bagging (Breiman, "Bagging predictors", Machine Learning
   * 24, 1996) with balanced bags, as imbalanced-learn's {@code BalancedBaggingClassifier}; the
   * average is taken over logits rather than probabilities so that the ensemble stays one linear
   * model.
   */
  public static LinearModel averageOfLogits(List<LinearModel> models, Provenance provenance) {
    LinearModel first = models.get(0);
    int k = first.schema.classCount();
    int d = first.standardizer.width();
    double[] a = new double[d * k];
    double[] c = new double[k];
    for (LinearModel m : models) {
      if (m.schema.classCount() != k || m.standardizer.width() != d) {
        throw new IllegalArgumentException("models of different shapes cannot be averaged");
      }
      double[][] ss = m.standardizer.shiftsAndScales();
      for (int cl = 0; cl < k; cl++) {
        double bias = m.weights[d * k + cl];
        for (int j = 0; j < d; j++) {
          double raw = m.weights[j * k + cl] / ss[1][j];
          a[j * k + cl] += raw / models.size();
          bias -= raw * ss[0][j];
        }
        c[cl] += bias / models.size();
      }
    }
    double[][] ss = first.standardizer.shiftsAndScales();
    long unconverged = models.stream().filter(m -> !m.warnings.isEmpty()).count();
    List<String> warnings = unconverged == 0 ? List.of()
        : List.of(unconverged + " of " + models.size() + " bagged fits: " + models.stream()
            .filter(m -> !m.warnings.isEmpty()).findFirst().orElseThrow().warnings.get(0));
    double[] w = new double[(d + 1) * k];
    for (int cl = 0; cl < k; cl++) {
      double bias = c[cl];
      for (int j = 0; j < d; j++) {
        w[j * k + cl] = a[j * k + cl] * ss[1][j];
        bias += a[j * k + cl] * ss[0][j];
      }
      w[d * k + cl] = bias;
    }
    return new LinearModel(first.schema, first.standardizer, w, provenance, warnings);
  }
}
