package org.imbalanced4j.model.io;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.imbalanced4j.data.Dataset;
import org.imbalanced4j.data.Feature;
import org.imbalanced4j.model.Calibration;
import org.imbalanced4j.model.Model;
import org.imbalanced4j.model.ModelInputs;
import org.imbalanced4j.model.ScoreKind;
import org.imbalanced4j.threshold.DecisionRule;

/**
 * A model read from its directory, with what was saved beside it: the decision rule, a
 * temperature for models with logits, and the configuration. Rows to score are lined up with the
 * training features by name ({@link ModelInputs#align}).
 *
 * @param temperature {@code T} of {@code softmax(z / T)} for a model with logits (1: none)
 * @param config how the model was made, as saved (may be null)
 */
public record SavedModel(Model model, DecisionRule rule, double temperature, JsonNode config) {
  /** The target column's name. */
  public String target() {
    return model.schema().targetName();
  }

  /** The class names, in the order of the probability columns. */
  public List<String> classes() {
    return model.classes();
  }

  /** The features the model reads as categories, to be read as such whatever their values. */
  public Set<String> categoricalFeatures() {
    Set<String> out = new LinkedHashSet<>();
    for (Feature f : model.schema().features()) {
      if (f.isCategorical()) {
        out.add(f.name());
      }
    }
    return out;
  }

  /** Class probabilities of rows whose columns are matched by name; temperature-scaled when saved so. */
  public double[][] predictProba(Dataset data) {
    Dataset aligned = ModelInputs.align(model.schema(), data);
    if (temperature != 1.0 && model.scoreKind() == ScoreKind.LOGIT) {
      return Calibration.softmax(model.scores(aligned), temperature);
    }
    return model.predictProba(aligned);
  }

  /** The class of each row by the saved decision rule. */
  public int[] predictClass(double[][] proba) {
    return rule.decide(proba);
  }

  /** See {@link ModelInputs#unseenCategories}. */
  public Map<String, Map<String, Long>> unseenCategories(Dataset data) {
    return ModelInputs.unseenCategories(model.schema(), data);
  }
}
