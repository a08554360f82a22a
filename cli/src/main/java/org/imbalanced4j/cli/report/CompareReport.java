package org.imbalanced4j.cli.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.imbalanced4j.data.ClassCounts;
import org.imbalanced4j.data.Dataset;
import org.imbalanced4j.metrics.ConfusionMatrix;
import org.imbalanced4j.metrics.LabelMetrics;
import org.imbalanced4j.metrics.OneVsRest;
import org.imbalanced4j.metrics.ScoreMetrics;

/**
 * The self-contained HTML report of {@code imb compare}: data summary, ranking table with the
 * primary metric's 95% interval and a bar for each strategy, the other metrics and per-class
 * recall, the critical-difference diagram, ROC and PR curves, confusion matrices and per-class
 * metrics of the leading strategies, and the configuration with the grid and versions. No
 * scripts, no external files: the plots are SVG inside the page.
 */
public final class CompareReport {
  private CompareReport() {}

  /** Short column heads; the scikit-learn names are their tooltips and the keys of results.json. */
  private static final Map<String, String> LABELS = Map.of("balanced_accuracy_score", "balanced accuracy",
      "f1_score_macro", "F1 macro", "geometric_mean_score", "G-mean", "average_precision_score", "PR-AUC (AP)",
      "roc_auc_score", "ROC AUC", "matthews_corrcoef", "MCC", "expected_cost", "expected cost");

  /** The short column head of a metric key (the key itself when it has none). */
  static String label(String key) {
    return LABELS.getOrDefault(key, key);
  }

  private static final String[] COLUMNS = {"balanced_accuracy_score", "f1_score_macro", "geometric_mean_score",
      "average_precision_score", "roc_auc_score", "matthews_corrcoef", "expected_cost"};

  /**
   * A leading strategy's out-of-fold predictions, pooled over the test rows of the first repeat
   * (every row under k folds, the hold-out rows otherwise): each row predicted once, by a model
   * that did not see it.
   *
   * @param rows the rows predicted, as indices into the data
   * @param proba their class probabilities, in the order of {@code rows}
   * @param predicted their predicted classes, in the order of {@code rows}
   */
  public record Leader(String name, int[] rows, double[][] proba, int[] predicted) {}

  /** Mean ranks over the folds every strategy ran, and the Nemenyi critical difference. */
  public record Ranks(List<String> names, double[] ranks, double cd, int folds) {}

  /** Whether a ranked strategy ran to the end: racing did not drop it, nor halving stop it early. */
  public static boolean finalist(Map<String, Object> c) {
    return c.get("dropped_after_fold") == null && c.get("dropped_after_round") == null;
  }

  @SuppressWarnings("unchecked")
  public static String html(String source, Dataset d, Map<String, Object> run, List<Map<String, Object>> ranked,
      Ranks ranks, List<Leader> leaders, String gridYaml) throws java.io.IOException {
    ClassCounts cc = d.classCounts();
    String primary = (String) run.get("primary_metric");
    StringBuilder h = new StringBuilder();
    h.append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">")
        .append("<title>imb compare: ").append(esc(source)).append("</title><style>")
        .append("body{font-family:system-ui,-apple-system,Segoe UI,Roboto,sans-serif;margin:2rem auto;max-width:1200px;color:#1d2733;padding:0 1rem}")
        .append("h1{font-size:1.6rem}h2{font-size:1.2rem;margin-top:2rem;border-bottom:1px solid #dde3ea;padding-bottom:.3rem}")
        .append("table{border-collapse:collapse;width:100%;font-size:.9rem}th,td{padding:.35rem .5rem;border-bottom:1px solid #e8edf2;text-align:right}")
        .append("th{background:#f4f7fa;position:sticky;top:0}td.l,th.l{text-align:left}tr.best{background:#eef7ee;font-weight:600}")
        .append(".bar{display:inline-block;height:.7rem;background:#4a90d9;border-radius:2px;vertical-align:middle}")
        .append(".thumbs{display:flex;flex-wrap:wrap;gap:.6rem}.thumbs figure{margin:0;text-align:center;font-size:.75rem}.thumbs img{image-rendering:pixelated;border:1px solid #e8edf2}")
        .append(".plots{display:flex;flex-wrap:wrap;gap:1rem}.plots img{max-width:48%;min-width:360px;border:1px solid #e8edf2}.plots img.cm{max-width:31%;min-width:280px}.wide{overflow-x:auto}")
        .append("pre{background:#f4f7fa;padding:.8rem;overflow-x:auto;font-size:.8rem}")
        .append(".warn{color:#9a5b00;font-size:.8rem;font-weight:400}.muted{color:#6b7785}.chip{display:inline-block;padding:.1rem .45rem;border-radius:.8rem;background:#eef2f6;margin:.1rem}")
        .append("</style></head><body>");
    h.append("<h1>Which strategy works best for the rare classes?</h1>");
    h.append("<p class=\"muted\">").append(esc(source)).append(" &middot; ").append(String.format("%,d", d.rows()))
        .append(" rows &middot; ").append(esc(String.valueOf(run.get("design"))))
        .append(run.get("budget_minutes_per_strategy") == null ? ""
            : String.format(Locale.ROOT, " &middot; %.1f minutes of training per strategy",
                ((Number) run.get("budget_minutes_per_strategy")).doubleValue()))
        .append(" &middot; seed ").append(run.get("seed"))
        .append(" &middot; resampling, scaling and threshold tuning fitted on training folds only</p>");
    if (Boolean.TRUE.equals(run.get("racing"))) {
      Map<String, List<Integer>> halving = (Map<String, List<Integer>>) run.get("halving");
      h.append(halving == null ? "" : String.format(Locale.ROOT, "<p>Successive halving over training rows "
          + "(factor 3, as scikit-learn's HalvingGridSearchCV): rounds of %s training rows per fold with %s "
          + "strategies, the best third of each round going on; every round scored on the whole test folds.</p>",
          halving.get("training_rows_per_fold").stream().map(x -> String.format(Locale.ROOT, "%,d", x)).toList(),
          halving.get("strategies")));
      h.append(String.format(Locale.ROOT, "<p>Racing (Friedman test, then Nemenyi critical difference, "
          + "&alpha; = 0.05) ran %s fold fits where every strategy on every fold is %s: %.0f%% of the training "
          + "rows saved.</p>",
          run.get("fold_fits_run"), run.get("fold_fits_planned"), 100 * ((Number) run.get("compute_saved")).doubleValue()));
    }
    h.append("<h2>Data</h2><p>");
    for (int k = 0; k < cc.classCount(); k++) {
      h.append("<span class=\"chip\">").append(esc(cc.classNames().get(k))).append(": ")
          .append(String.format("%,d (%.1f%%)", cc.count(k), 100 * cc.fraction(k))).append("</span>");
    }
    h.append(d.schema().isImages()
        ? String.format(Locale.ROOT, " &middot; imbalance ratio %.2f &middot; images of %s</p>", cc.imbalanceRatio(),
            esc(d.schema().imageShape().toString()))
        : String.format(Locale.ROOT, " &middot; imbalance ratio %.2f &middot; %d features (%d categorical)</p>",
            cc.imbalanceRatio(), d.features(), d.schema().categoricalIndices().length));
    h.append("<h2>Ranking by ").append(esc(primary)).append("</h2><div class=\"wide\"><table><tr><th>#</th><th class=\"l\">strategy</th><th>")
        .append(esc(LABELS.getOrDefault(primary, primary))).append(" &plusmn; 95% CI</th><th class=\"l\"></th>");
    List<String> columns = java.util.Arrays.stream(COLUMNS).filter(c -> !c.equals(primary) && (ranked.isEmpty()
        || ((Map<?, ?>) ranked.get(0).get("metrics")).containsKey(c))).toList(); // the others, those measured
    for (String c : columns) {
      h.append("<th title=\"").append(esc(c)).append("\">").append(esc(LABELS.getOrDefault(c, c))).append("</th>");
    }
    for (int k = 0; k < cc.classCount(); k++) {
      h.append("<th>recall ").append(esc(cc.classNames().get(k))).append("</th>");
    }
    h.append("<th>time s</th></tr>");
    double best = ranked.isEmpty() ? 1 : mean(ranked.get(0), primary);
    boolean lowerIsBetter = "expected_cost".equals(run.get("rank_by")); // the best has the longest bar
    for (Map<String, Object> c : ranked) {
      Map<String, Map<String, Double>> m = (Map<String, Map<String, Double>>) c.get("metrics");
      double v = m.get(primary).get("mean");
      h.append("<tr").append(((Integer) c.get("rank")) == 1 ? " class=\"best\"" : "").append("><td>")
          .append(c.get("rank")).append("</td><td class=\"l\">").append(esc((String) c.get("candidate")))
          .append(c.get("dropped_after_fold") == null ? ""
              : "<br><span class=\"muted\">dropped by racing after fold " + c.get("dropped_after_fold") + "</span>")
          .append(c.get("dropped_after_round") == null ? "" : String.format(Locale.ROOT,
              "<br><span class=\"muted\">stopped after round %s of halving (%,d training rows per fold)</span>",
              c.get("dropped_after_round"), c.get("training_rows_per_fold")))
          .append(warnings(c))
          .append("</td><td>").append(Integer.valueOf(1).equals(c.get("folds_evaluated"))
              ? String.format(Locale.ROOT, "%.4f<br><span class=\"muted\">one split</span>", v)
              : String.format(Locale.ROOT, "%.4f &plusmn; %.4f", v, m.get(primary).get("ci95_half_width")))
          .append("</td><td class=\"l\"><span class=\"bar\" style=\"width:")
          .append(String.format(Locale.ROOT, "%.0f", Math.max(2, 160 * (lowerIsBetter ? Math.min(1, best / Math.max(v, 1e-12))
              : v / Math.max(best, 1e-9))))).append("px\"></span></td>");
      for (String col : columns) {
        Map<String, Double> s = m.get(col);
        h.append("<td>").append(s == null ? "" : String.format(Locale.ROOT, "%.4f", s.get("mean"))).append("</td>");
      }
      for (int k = 0; k < cc.classCount(); k++) {
        Map<String, Double> s = m.get("recall_class_" + k);
        h.append("<td>").append(s == null ? "" : String.format(Locale.ROOT, "%.3f", s.get("mean"))).append("</td>");
      }
      h.append("<td>").append(String.format(Locale.ROOT, "%.1f", (Double) c.get("seconds"))).append("</td></tr>");
    }
    h.append("</table></div>");
    if (run.get("not_applicable") instanceof List<?> na && !na.isEmpty()) {
      h.append("<h3>Not applicable</h3><p class=\"muted\">Strategies that cannot run on every fold of this data "
          + "(found before fold 1, or failing in a fold); not ranked.</p><ul>");
      for (Object o : na) {
        Map<String, String> e = (Map<String, String>) o;
        h.append("<li><b>").append(esc(e.get("candidate"))).append("</b>: <span class=\"warn\">")
            .append(esc(e.get("reason"))).append("</span></li>");
      }
      h.append("</ul>");
    }
    if (ranks.names().size() > 1) {
      h.append("<h2>Critical-difference diagram</h2><p class=\"muted\">Mean rank of each strategy over the ")
          .append(ranks.folds()).append(" folds that every strategy ran (1 = best). Strategies joined by a "
              + "blue line are not significantly different (Nemenyi test, &alpha; = 0.05).</p>")
          .append(CdDiagram.svg(ranks.names(), ranks.ranks(), ranks.cd()));
    }
    TailSections.recallByFrequency(h, d, ranked);
    leaders(h, d, leaders);
    if (!leaders.isEmpty()) {
      TailSections.misclassifiedImages(h, d, leaders.get(0));
    }
    h.append("<h2>Configuration</h2><table>");
    row(h, "data", source);
    row(h, "evaluation", String.valueOf(run.get("design")));
    row(h, "seed", String.valueOf(run.get("seed")));
    row(h, "primary metric", primary);
    row(h, "imbalanced4j", String.valueOf(CompareReport.class.getPackage().getImplementationVersion()));
    row(h, "java", System.getProperty("java.version"));
    row(h, "djl", ai.djl.engine.Engine.getDjlVersion());
    h.append("</table><h3>Grid</h3><pre>").append(esc(gridYaml)).append("</pre>");
    h.append("<p class=\"muted\">Metrics are scikit-learn's and imbalanced-learn's definitions "
        + "(mean over test folds). Results per fold: results.csv; per strategy: results.json.</p></body></html>\n");
    return h.toString();
  }

  /** ROC and PR curves, confusion matrices and per-class metrics of the leading strategies. */
  private static void leaders(StringBuilder h, Dataset d, List<Leader> leaders) throws java.io.IOException {
    if (leaders.isEmpty()) {
      return;
    }
    ClassCounts cc = d.classCounts();
    int rare = cc.minority();
    String rareName = cc.classNames().get(rare);
    int[] y = org.imbalanced4j.numeric.Indices.gather(d.labels(), leaders.get(0).rows());
    List<Plots.Series> roc = new ArrayList<>();
    List<Plots.Series> pr = new ArrayList<>();
    for (Leader l : leaders) {
      OneVsRest r = OneVsRest.of(y, l.proba(), rare);
      roc.add(new Plots.Series(l.name(), ScoreMetrics.roc(r.positive(), r.score())));
      pr.add(new Plots.Series(l.name(), ScoreMetrics.precisionRecall(r.positive(), r.score())));
    }
    h.append("<h2>Leading strategies: curves for the rare class '").append(esc(rareName)).append("'</h2>")
        .append("<p class=\"muted\">Out-of-fold probabilities of the first repeat: each row scored by the model "
            + "whose training rows did not contain it.</p><div class=\"plots\">")
        .append("<img alt=\"ROC curves\" src=\"").append(Plots.svgDataUri(Plots.rocChart(roc))).append("\">")
        .append("<img alt=\"precision-recall curves\" src=\"")
        .append(Plots.svgDataUri(Plots.precisionRecallChart(pr, cc.fraction(rare)))).append("\"></div>");
    h.append("<h2>Confusion matrices and per-class metrics</h2><div class=\"plots\">");
    for (Leader l : leaders) {
      ConfusionMatrix cm = ConfusionMatrix.of(y, l.predicted(), d.classCount());
      h.append("<img alt=\"confusion matrix of ").append(esc(l.name())).append("\" src=\"")
          .append(Plots.svgDataUri(Plots.confusionChart(cm, cc.classNames(), false, shorten(l.name()))))
          .append("\" class=\"cm\">");
    }
    h.append("</div>");
    for (Leader l : leaders) {
      LabelMetrics.PerClass pc = LabelMetrics.perClass(y, l.predicted(), d.classCount(), 1, 0);
      h.append("<h3>").append(esc(l.name())).append("</h3><table><tr><th class=\"l\">class</th><th>precision</th>"
          + "<th>recall</th><th>f1</th><th>specificity</th><th>support</th></tr>");
      for (int i = 0; i < pc.labels().length; i++) {
        h.append("<tr><td class=\"l\">").append(esc(cc.classNames().get(pc.labels()[i]))).append("</td>")
            .append(String.format(Locale.ROOT, "<td>%.3f</td><td>%.3f</td><td>%.3f</td><td>%.3f</td><td>%d</td></tr>",
                pc.precision()[i], pc.recall()[i], pc.fscore()[i], pc.specificity()[i], pc.support()[i]));
      }
      h.append("</table>");
    }
  }

  /** A mark under a strategy whose fits reported warnings (a solver that did not converge), with the text. */
  private static String warnings(Map<String, Object> c) {
    StringBuilder sb = new StringBuilder();
    Object ws = c.get("warnings");
    if (ws instanceof List<?> list) {
      for (Object w : list) {
        sb.append("<br><span class=\"warn\" title=\"").append(esc(String.valueOf(w))).append("\">&#9888; ")
            .append(esc(String.valueOf(w))).append("</span>");
      }
    }
    return sb.toString();
  }

  private static String shorten(String name) {
    return name.length() <= 48 ? name : name.substring(0, 45) + "...";
  }

  @SuppressWarnings("unchecked")
  private static double mean(Map<String, Object> c, String metric) {
    return ((Map<String, Map<String, Double>>) c.get("metrics")).get(metric).get("mean");
  }

  private static void row(StringBuilder h, String k, String v) {
    h.append("<tr><td class=\"l\">").append(esc(k)).append("</td><td class=\"l\">").append(esc(v)).append("</td></tr>");
  }

  static String esc(String s) {
    return s == null ? "" : s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }
}
