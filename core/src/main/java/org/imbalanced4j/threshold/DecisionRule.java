package org.imbalanced4j.threshold;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.imbalanced4j.InvalidOptionException;

/**
 * How class probabilities become one class: the largest probability; for two classes a threshold
 * on one class's probability (the rare class's, tuned on held-out rows); per-class offsets added
 * to the probabilities; or the class of least expected cost under a cost matrix. One type for
 * cross-validation, exported model directories and {@code imb predict}; its map form is what a
 * model directory's {@code model.json} holds under {@code decision}, classes by name.
 */
public sealed interface DecisionRule
    permits DecisionRule.Argmax, DecisionRule.Threshold, DecisionRule.Offsets, DecisionRule.CostMatrix {
  /** The class of each row of {@code proba[i][c]}. */
  int[] decide(double[][] proba);

  /** The rule as {@code model.json} holds it, classes by name. */
  Map<String, Object> toMap(List<String> classes);

  /** The largest probability (the first class on a tie, as NumPy's {@code argmax}). */
  DecisionRule ARGMAX = new Argmax();

  /** The rule of a {@code model.json} map; none means argmax. */
  static DecisionRule fromMap(Map<String, ?> m, List<String> classes) {
    if (m == null) {
      return ARGMAX;
    }
    String rule = String.valueOf(m.get("rule"));
    switch (rule) {
      case "argmax":
        return ARGMAX;
      case "threshold": {
        int positive = classes.indexOf(String.valueOf(m.get("positive")));
        if (positive < 0 || classes.size() != 2) {
          throw new InvalidOptionException("a threshold rule needs two classes and names one of them; got "
              + m.get("positive") + " of " + classes);
        }
        return new Threshold(positive, number(m.get("threshold"), "threshold"));
      }
      case "offsets":
        return new Offsets(byClass(m.get("offsets"), classes, "offsets"));
      case "cost": {
        Object cost = m.get("cost");
        if (!(cost instanceof Map<?, ?> rows)) {
          throw new InvalidOptionException("a cost rule needs a cost map: true class -> predicted class -> cost");
        }
        List<List<Double>> c = new ArrayList<>();
        for (String truth : classes) {
          c.add(byClass(rows.get(truth), classes, "cost of true class " + truth));
        }
        return new CostMatrix(c);
      }
      default:
        throw InvalidOptionException.unknown("decision rule", rule, List.of("argmax", "threshold", "offsets", "cost"));
    }
  }

  private static double number(Object o, String what) {
    if (!(o instanceof Number n)) {
      throw new InvalidOptionException("the decision rule's " + what + " must be a number, got " + o);
    }
    return n.doubleValue();
  }

  private static List<Double> byClass(Object o, List<String> classes, String what) {
    if (!(o instanceof Map<?, ?> m) || m.size() != classes.size()) {
      throw new InvalidOptionException("the decision rule's " + what + " must give a number for each of " + classes);
    }
    List<Double> out = new ArrayList<>();
    for (String c : classes) {
      out.add(number(m.get(c), what + " of class " + c));
    }
    return out;
  }

  private static Map<String, Object> byName(List<Double> values, List<String> classes) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int c = 0; c < classes.size(); c++) {
      m.put(classes.get(c), values.get(c));
    }
    return m;
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

  /**
   * Any number of classes: {@code argmax_c (p_c + offsets_c)}, the first class on a tie. With two
   * classes, offsets {@code (0, 0.5 - t)} are the threshold {@code t} on class 1 (up to the tie).
   */
  record Offsets(List<Double> offsets) implements DecisionRule {
    /** Copies the offsets. */
    public Offsets {
      offsets = List.copyOf(offsets);
    }

    @Override
    public int[] decide(double[][] proba) {
      return Thresholds.applyOffsets(proba, offsets.stream().mapToDouble(Double::doubleValue).toArray());
    }

    @Override
    public Map<String, Object> toMap(List<String> classes) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("rule", "offsets");
      m.put("offsets", byName(offsets, classes));
      return m;
    }
  }

  /**
   * The Bayes-optimal decision under misclassification costs: the class {@code j} of least expected
   * cost {@code sum_i p_i cost[i][j]}, {@code cost[i][j]} being the cost of predicting {@code j} for
   * a row of true class {@code i} (the first class on a tie). C. Elkan, "The foundations of
   * cost-sensitive learning", IJCAI 2001.
   */
  record CostMatrix(List<List<Double>> cost) implements DecisionRule {
    /** Copies the cost matrix. */
    public CostMatrix {
      cost = cost.stream().map(List::copyOf).toList();
      for (List<Double> row : cost) {
        if (row.size() != cost.size()) {
          throw new IllegalArgumentException("a cost matrix is square, got a row of " + row.size() + " for "
              + cost.size() + " classes");
        }
      }
    }

    @Override
    public int[] decide(double[][] proba) {
      int k = cost.size();
      int[] out = new int[proba.length];
      for (int r = 0; r < proba.length; r++) {
        double bestCost = Double.POSITIVE_INFINITY;
        for (int j = 0; j < k; j++) {
          double e = 0;
          for (int i = 0; i < k; i++) {
            e += proba[r][i] * cost.get(i).get(j);
          }
          if (e < bestCost) {
            bestCost = e;
            out[r] = j;
          }
        }
      }
      return out;
    }

    @Override
    public Map<String, Object> toMap(List<String> classes) {
      Map<String, Object> rows = new LinkedHashMap<>();
      for (int i = 0; i < classes.size(); i++) {
        rows.put(classes.get(i), byName(cost.get(i), classes));
      }
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("rule", "cost");
      m.put("cost", rows);
      return m;
    }
  }
}
