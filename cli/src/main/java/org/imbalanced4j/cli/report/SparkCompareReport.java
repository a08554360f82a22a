package org.imbalanced4j.cli.report;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.imbalanced4j.distributed.DistributedJobs.CompareResult;
import org.imbalanced4j.distributed.DistributedJobs.StrategyResult;
import org.imbalanced4j.metrics.ConfusionMatrix;
import org.imbalanced4j.metrics.Curve;

/**
 * {@code report.html} of {@code imb compare --spark}: one self-contained page with the data, the
 * ranked table (mean and standard deviation over the folds), the ROC and precision-recall curves of
 * the three leading strategies (two classes; out-of-fold probabilities at 200 bins) and their
 * confusion matrices summed over the folds.
 */
public final class SparkCompareReport {
  private SparkCompareReport() {}

  /** The page; {@code ranked}: per strategy its name, mean and sd of each metric, seconds, rank. */
  public static String html(String source, String master, int folds, long seed, CompareResult r,
      List<Map<String, Object>> ranked, List<String> columns) throws IOException {
    StringBuilder h = new StringBuilder("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
        + "<title>imb compare on Spark: ").append(CompareReport.esc(source)).append("</title><style>"
        + "body{font-family:system-ui,sans-serif;margin:2em;max-width:1100px;color:#222}"
        + "table{border-collapse:collapse;margin:1em 0}td,th{padding:4px 10px;border-bottom:1px solid #ddd;"
        + "text-align:right}td:first-child,th:first-child,td:nth-child(2),th:nth-child(2){text-align:left}"
        + "tr.best{background:#eef6ee}.sd{color:#888;font-size:85%}img{max-width:49%}img.cm{max-width:32%}</style></head><body>");
    h.append("<h1>imb compare on Spark</h1><p>").append(CompareReport.esc(source)).append(": ");
    long rows = 0;
    for (long c : r.counts()) {
      rows += c;
    }
    h.append(String.format(Locale.ROOT, "%,d rows; classes ", rows));
    for (int c = 0; c < r.classes().size(); c++) {
      h.append(c == 0 ? "" : ", ").append(CompareReport.esc(r.classes().get(c)))
          .append(String.format(Locale.ROOT, " (%,d)", r.counts()[c]));
    }
    h.append(String.format(Locale.ROOT, ". %d-fold stratified cross-validation, seed %d, on Spark %s. Ranked by "
        + "balanced accuracy; average precision is the rarest class's (%s).</p>", folds, seed,
        CompareReport.esc(master), CompareReport.esc(r.classes().get(r.positive()))));
    h.append("<table><tr><th>rank</th><th>strategy</th>");
    for (String c : columns) {
      h.append("<th title=\"").append(CompareReport.esc(c)).append("\">").append(CompareReport.esc(
          CompareReport.label(c))).append("</th>");
    }
    h.append("<th>seconds per fold</th></tr>");
    for (Map<String, Object> s : ranked) {
      h.append(s.get("rank").equals(1) ? "<tr class=\"best\">" : "<tr>").append("<td>").append(s.get("rank"))
          .append("</td><td>").append(CompareReport.esc((String) s.get("candidate")))
          .append(s.get("dropped_after_fold") == null ? "" : " <span class=\"sd\">(dropped after fold "
              + s.get("dropped_after_fold") + ")</span>").append("</td>");
      @SuppressWarnings("unchecked")
      Map<String, Map<String, Double>> m = (Map<String, Map<String, Double>>) s.get("metrics");
      for (String c : columns) {
        Map<String, Double> v = m.get(c);
        h.append(v == null ? "<td>-</td>" : String.format(Locale.ROOT, "<td>%.4f <span class=\"sd\">&plusmn; %.4f"
            + "</span></td>", v.get("mean"), v.get("sd")));
      }
      h.append(String.format(Locale.ROOT, "<td>%.1f</td></tr>", (Double) s.get("seconds_per_fold")));
    }
    h.append("</table>");
    for (StrategyResult s : r.strategies()) {
      if (s.notApplicable() != null) {
        h.append("<p>not applicable: ").append(CompareReport.esc(s.strategy())).append(": ")
            .append(CompareReport.esc(s.notApplicable())).append("</p>");
      }
    }
    List<StrategyResult> top = new ArrayList<>();
    for (Map<String, Object> s : ranked) {
      for (StrategyResult x : r.strategies()) {
        if (x.strategy().equals(s.get("candidate")) && top.size() < 3 && x.droppedAfter() == 0) {
          top.add(x);
        }
      }
    }
    if (r.classes().size() == 2 && !top.isEmpty()) {
      List<Plots.Series> roc = new ArrayList<>();
      List<Plots.Series> pr = new ArrayList<>();
      for (StrategyResult s : top) {
        roc.add(new Plots.Series(s.strategy(), new Curve(s.roc()[0], s.roc()[1], new double[s.roc()[0].length])));
        pr.add(new Plots.Series(s.strategy(), new Curve(s.pr()[0], s.pr()[1], new double[s.pr()[0].length])));
      }
      double prevalence = (double) r.counts()[r.positive()] / rows;
      h.append("<h2>Curves of the leading strategies (out of fold)</h2><img alt=\"ROC curves\" src=\"")
          .append(Plots.svgDataUri(Plots.rocChart(roc))).append("\"><img alt=\"precision-recall curves\" src=\"")
          .append(Plots.svgDataUri(Plots.precisionRecallChart(pr, prevalence))).append("\">");
    }
    h.append("<h2>Confusion matrices (summed over the folds)</h2>");
    for (StrategyResult s : top) {
      h.append("<img class=\"cm\" alt=\"confusion matrix\" src=\"").append(Plots.svgDataUri(Plots.confusionChart(
          ConfusionMatrix.of(s.confusion()), r.classes(), false, s.strategy()))).append("\">");
    }
    return h.append("</body></html>").toString();
  }
}
