package org.imbalanced4j.model;

import java.io.IOException;
import java.util.List;
import org.imbalanced4j.data.Dataset;
import org.imbalanced4j.data.Schema;
import org.imbalanced4j.model.io.ModelWriter;

/**
 * A fitted classifier: class probabilities and raw scores for rows with the training data's
 * features, its classes and input description, and a way to save itself. Models are immutable
 * and safe to score from several threads.
 *
 * <p>A new kind of model names its {@link #kind()}, writes its own part of {@code model.json} and
 * any binary files in {@link #save}, and registers a {@link org.imbalanced4j.model.io.ModelFormat}
 * of the same kind that reads them back ({@link org.imbalanced4j.learn.LearnerProvider}).
 */
public interface Model {
  /** {@code proba[i][c]}: row i's probability of class c (class codes of the training schema). */
  double[][] predictProba(Dataset data);

  /** What {@link #scores} are. */
  default ScoreKind scoreKind() {
    return ScoreKind.PROBABILITY;
  }

  /** Raw scores of a {@link #scoreKind()}, one column per class; the probabilities by default. */
  default double[][] scores(Dataset data) {
    return predictProba(data);
  }

  /**
   * The training data's description: feature names and types (categorical levels in code order),
   * the target and the class names. Rows to score are read against it.
   */
  Schema schema();

  /** The class names, in code order. */
  default List<String> classes() {
    return schema().classNames();
  }

  /** Where the model comes from: trainer, parameters, seed, data. */
  Provenance provenance();

  /**
   * What the fit reports that a user should know, one line each: a solver that stopped at its
   * iteration cap before converging (scikit-learn's {@code ConvergenceWarning}), a network still
   * improving at its epoch cap. Empty when all went well.
   */
  default List<String> warnings() {
    return List.of();
  }

  /** The kind written to {@code model.json}, read back by the {@code ModelFormat} of that kind. */
  String kind();

  /** Writes the model's own part: its section of {@code model.json} and any binary files. */
  void save(ModelWriter out) throws IOException;
}
