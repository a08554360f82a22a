package org.imbalanced4j.threshold;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.imbalanced4j.InvalidOptionException;

/**
 * How class probabilities become one class: the largest probability, or for two classes a
 * threshold on one class's probability (the rare class's, tuned on held-out rows). One type for
 * cross-validation, exported model directories and {@code imb predict}; its map form is what a
 * model directory's {@code model.json} holds under {@code decision}.
 */
public sealed interface DecisionRule permits DecisionRule.Argmax, DecisionRule.Threshold {
  /** The class of each row of {@code proba[i][c]}. */
  int[] decide(double[][] proba);

  /** The rule as {@code model.json} holds it, classes by name. */
  Map<String, Object> toMap(List<String> classes);

  /** The largest probability (the first class on a tie, as NumPy's {@code argmax}). */
  DecisionRule ARGMAX = new Argmax();

  /** The rule of a {@code model.json} map; none means argmax. */
  static DecisionRule fromMap(Map<String, ?> m, List<String> classes) {
    if (m == null || !"threshold".equals(m.get("rule"))) {
      return ARGMAX;
    }
    int positive = classes.indexOf(String.valueOf(m.get("positive")));
    if (positive < 0 || classes.size() != 2) {
      throw new InvalidOptionException("a threshold rule needs two classes and names one of them; got "
          + m.get("positive") + " of " + classes);
    }
    return new Threshold(positive, ((Number) m.get("threshold")).doubleValue());
  }

  /** See {@link #ARGMAX}. */
  record Argmax() implements DecisionRule {
    @Override
    public int[] decide(double[][] proba) {
      return Thresholds.applyOffsets(proba, new double[proba.length == 0 ? 0 : proba[0].length]);
    }

    @Override
    public Map<String, Object> toMap(List<String> classes) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("rule", "argmax");
      return m;
    }
  }

  /** Two classes: {@code positive} when its probability reaches {@code threshold}, else the other. */
  record Threshold(int positive, double threshold) implements DecisionRule {
    @Override
    public int[] decide(double[][] proba) {
      int[] out = new int[proba.length];
      for (int i = 0; i < out.length; i++) {
        out[i] = proba[i][positive] >= threshold ? positive : 1 - positive;
      }
      return out;
    }

    @Override
    public Map<String, Object> toMap(List<String> classes) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("rule", "threshold");
      m.put("positive", classes.get(positive));
      m.put("threshold", threshold);
      return m;
    }
  }
}
