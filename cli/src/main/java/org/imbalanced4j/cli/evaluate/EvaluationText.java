package org.imbalanced4j.cli.evaluate;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The text form of {@code imb evaluate}'s results: the decision rule, every metric (averages on one
 * line), bootstrap intervals, what was skipped and why, the confusion matrix and imbalanced-learn's
 * class report. The JSON form holds the same map.
 */
public final class EvaluationText {
  private EvaluationText() {}

  @SuppressWarnings("unchecked")
  public static void print(PrintWriter pw, Map<String, Object> out, List<String> names) {
    pw.printf("%,d rows; classes %s%n", ((Number) out.get("rows")).longValue(), out.get("classes"));
    if (out.containsKey("dropped_rows")) {
      pw.printf("dropped %,d rows with a missing value%n", ((Number) out.get("dropped_rows")).longValue());
    }
    if (out.containsKey("positive_label")) {
      pw.printf("positive class '%s'%n", out.get("positive_label"));
    }
    if ("threshold".equals(out.get("decision"))) {
      pw.printf("decisions: score >= %s%s%n", out.get("threshold"), out.containsKey("threshold_criterion")
          ? " (" + out.get("threshold_criterion") + "-optimal on these rows)" : "");
    } else {
      pw.printf("decisions: the %s%n", out.get("decision"));
    }
    pw.println();
    for (Map.Entry<String, Object> e : out.entrySet()) {
      String key = e.getKey();
      Object v = e.getValue();
      if (v instanceof Double x && !key.equals("threshold")) {
        pw.printf("  %-28s %.6f%n", key, x);
      } else if (v instanceof Map<?, ?> m && isAverages(m)) {
        StringBuilder sb = new StringBuilder();
        ((Map<String, Double>) m).forEach((kk, vv) -> sb.append(String.format(Locale.ROOT, "%s %.6f  ", kk, vv)));
        pw.printf("  %-28s %s%n", key, sb.toString().strip());
      }
    }
    if (out.get("confidence_intervals") instanceof Map<?, ?> ci) {
      pw.println();
      ((Map<String, Map<String, Object>>) ci).forEach((metric, iv) -> pw.printf(Locale.ROOT,
          "  %-28s %.0f%% interval [%.4f, %.4f] (%d bootstrap rounds)%n", metric,
          100 * ((Number) iv.get("level")).doubleValue(), ((Number) iv.get("low")).doubleValue(),
          ((Number) iv.get("high")).doubleValue(), ((Number) iv.get("rounds")).intValue()));
    }
    if (out.get("skipped") instanceof Map<?, ?> sk) {
      pw.println();
      sk.forEach((metric, why) -> pw.printf("  not computed: %s (%s)%n", metric, why));
    }
    pw.println();
    confusion(pw, (long[][]) out.get("confusion_matrix"), names);
    pw.println();
    pw.println("  class report (imbalanced-learn)");
    pw.printf("  %-12s %7s %7s %7s %7s %7s %7s %8s%n", "", "pre", "rec", "spe", "f1", "geo", "iba", "sup");
    Map<String, Object> rep = (Map<String, Object>) out.get("classification_report_imbalanced");
    rep.forEach((name, v) -> {
      if (v instanceof Map<?, ?> m) {
        Map<String, Object> r = (Map<String, Object>) m;
        pw.printf("  %-12s %7.3f %7.3f %7.3f %7.3f %7.3f %7.3f %8d%n", name, r.get("pre"), r.get("rec"),
            r.get("spe"), r.get("f1"), r.get("geo"), r.get("iba"), ((Number) r.get("sup")).longValue());
      }
    });
    pw.printf("  %-12s %7.3f %7.3f %7.3f %7.3f %7.3f %7.3f %8.0f%n", "avg / total", rep.get("avg_pre"),
        rep.get("avg_rec"), rep.get("avg_spe"), rep.get("avg_f1"), rep.get("avg_geo"), rep.get("avg_iba"),
        rep.get("total_support"));
  }

  private static boolean isAverages(Map<?, ?> m) {
    return !m.isEmpty() && m.values().stream().allMatch(x -> x instanceof Double);
  }

  /** Rows: true class; columns: predicted class, as scikit-learn's confusion_matrix. */
  static void confusion(PrintWriter pw, long[][] cm, List<String> names) {
    int w = 8;
    for (String n : names) {
      w = Math.max(w, n.length() + 1);
    }
    for (long[] row : cm) {
      for (long v : row) {
        w = Math.max(w, Long.toString(v).length() + 1);
      }
    }
    String cell = "%" + w + "s";
    pw.println("  confusion matrix (rows: true class, columns: predicted)");
    StringBuilder head = new StringBuilder(String.format("  " + cell + " ", ""));
    for (String n : names) {
      head.append(String.format(cell, n));
    }
    pw.println(head);
    for (int i = 0; i < cm.length; i++) {
      StringBuilder line = new StringBuilder(String.format("  " + cell + " ", names.get(i)));
      for (long v : cm[i]) {
        line.append(String.format(cell, v));
      }
      pw.println(line);
    }
  }
}
