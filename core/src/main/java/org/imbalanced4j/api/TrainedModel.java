package org.imbalanced4j.api;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.imbalanced4j.model.Model;
import org.imbalanced4j.model.io.ModelDirectory;
import org.imbalanced4j.model.io.SavedModel;
import org.imbalanced4j.threshold.DecisionRule;

/**
 * What {@link Train#fit} made: the model, the decision fitted on the held-out rows, and how it was
 * made. Score with {@link #scoring()}; {@link #save(Path)} writes the model directory that
 * {@code imb predict} and {@link Models#load} read. Immutable.
 */
public final class TrainedModel {
  private final Model model;
  private final Map<String, Object> decision;
  private final Map<String, Object> config;
  private final org.imbalanced4j.data.Dataset trainedOn;
  private final String description;
  private final ScoringModel scoring;

  TrainedModel(Model model, Map<String, Object> decision, Map<String, Object> config,
      org.imbalanced4j.data.Dataset trainedOn, String description) {
    this.model = model;
    this.decision = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(decision));
    this.config = config;
    this.trainedOn = trainedOn;
    this.description = description;
    double t = decision.get("temperature") instanceof Number n ? n.doubleValue() : 1.0;
    this.scoring = ScoringModel.of(new SavedModel(model, DecisionRule.fromMap(decision, model.classes()), t, null));
  }

  /** The fitted model (probabilities before temperature scaling and decision). */
  public Model model() {
    return model;
  }

  /** The model with its decision, to score rows from any number of threads. */
  public ScoringModel scoring() {
    return scoring;
  }

  /** The decision as {@code model.json} holds it: {@code temperature}, {@code rule} and the rule's values. */
  public Map<String, Object> decision() {
    return decision;
  }

  /** What the fit reported and how it went: {@code epochs_trained}, {@code best_epoch}, {@code best_metric}, .... */
  public Map<String, Object> fit() {
    return model.provenance().parameters();
  }

  /** Warnings of the fit, such as a solver stopping at its iteration cap; empty when none. */
  public List<String> warnings() {
    return model.warnings();
  }

  /** The learner with its parameters, in words. */
  public String describe() {
    return description;
  }

  /** How many rows the model was fitted on (the validation rows excluded). */
  public int trainingRows() {
    return trainedOn.rows();
  }

  /** Writes the model directory (atomically, file by file), with the training rows' hash for provenance. */
  public void save(Path dir) throws IOException {
    ModelDirectory.save(dir, model, decision, config, trainedOn);
  }
}
