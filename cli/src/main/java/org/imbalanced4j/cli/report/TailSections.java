package org.imbalanced4j.cli.report;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;
import javax.imageio.ImageIO;
import org.imbalanced4j.data.ClassCounts;
import org.imbalanced4j.data.Dataset;
import org.imbalanced4j.images.ImageSet;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.style.Styler;

/**
 * The report's view of the tail: recall per class with the classes ordered by frequency and
 * grouped into many-, medium- and few-shot thirds (as the long-tailed literature reports, Liu et
 * al. 2019), and, for images, the few-shot images the leading strategy got wrong.
 */
final class TailSections {
  /** Most misclassified images shown. */
  static final int MAX_IMAGES = 24;

  private TailSections() {}

  /**
   * The classes from the most to the least frequent, and each one's group: the most frequent
   * third {@code many}, the least frequent third {@code few}, the others {@code medium} ({@code
   * round(K / 3)} classes in each outer group).
   */
  static List<Integer> byFrequency(ClassCounts cc) {
    return IntStream.range(0, cc.classCount()).boxed()
        .sorted(Comparator.comparingLong((Integer c) -> -cc.count(c)).thenComparing(c -> c)).toList();
  }

  static String group(int position, int classes) {
    int outer = (int) Math.round(classes / 3.0);
    return position < outer ? "many" : position >= classes - outer ? "few" : "medium";
  }

  /** Recall of each class for the leading strategies, classes in frequency order, as HTML. */
  @SuppressWarnings("unchecked")
  static void recallByFrequency(StringBuilder h, Dataset d, List<Map<String, Object>> ranked) throws IOException {
    ClassCounts cc = d.classCounts();
    List<Integer> order = byFrequency(cc);
    int k = order.size();
    List<String> labels = new ArrayList<>();
    for (int i = 0; i < k; i++) {
      labels.add(cc.classNames().get(order.get(i)) + " (" + cc.count(order.get(i)) + ", " + group(i, k) + ")");
    }
    CategoryChart chart = new CategoryChartBuilder().width(Math.max(720, 90 * k)).height(460)
        .title("Recall per class, from the most to the least frequent").xAxisTitle("class (rows, group)")
        .yAxisTitle("recall").build();
    chart.getStyler().setAvailableSpaceFill(0.8).setOverlapped(false);
    chart.getStyler().setXAxisLabelRotation(k > 6 ? 30 : 0);
    chart.getStyler().setYAxisMin(0.0).setYAxisMax(1.0);
    chart.getStyler().setChartBackgroundColor(Color.WHITE);
    chart.getStyler().setPlotBackgroundColor(Color.WHITE);
    chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
    int shown = 0;
    StringBuilder table = new StringBuilder("<table><tr><th class=\"l\">strategy</th><th>many</th><th>medium</th>"
        + "<th>few</th></tr>");
    for (Map<String, Object> c : ranked) {
      if (shown == 3 || !CompareReport.finalist(c)) {
        break;
      }
      Map<String, Map<String, Double>> m = (Map<String, Map<String, Double>>) c.get("metrics");
      List<Double> recall = new ArrayList<>();
      double[] sum = new double[3];
      int[] n = new int[3];
      for (int i = 0; i < k; i++) {
        Map<String, Double> r = m.get("recall_class_" + order.get(i));
        double v = r == null ? Double.NaN : r.get("mean");
        recall.add(Double.isNaN(v) ? 0 : v);
        int g = List.of("many", "medium", "few").indexOf(group(i, k));
        if (!Double.isNaN(v)) {
          sum[g] += v;
          n[g]++;
        }
      }
      String name = (String) c.get("candidate");
      chart.addSeries(name.length() <= 60 ? name : name.substring(0, 57) + "...", labels, recall);
      table.append("<tr><td class=\"l\">").append(CompareReport.esc(name)).append("</td>");
      for (int g = 0; g < 3; g++) {
        table.append("<td>").append(n[g] == 0 ? "" : String.format(Locale.ROOT, "%.3f", sum[g] / n[g])).append("</td>");
      }
      table.append("</tr>");
      shown++;
    }
    if (shown == 0) {
      return;
    }
    h.append("<h2>Recall by class frequency</h2><p class=\"muted\">Mean recall over the test folds; classes from "
        + "the most to the least frequent. Many / medium / few: the most frequent third of the classes, the middle, "
        + "the least frequent third.</p><div class=\"plots\"><img alt=\"recall per class by frequency\" src=\"")
        .append(Plots.svgDataUri(chart)).append("\" style=\"max-width:100%\"></div>")
        .append(table).append("</table>");
  }

  /**
   * The few-shot images (the least frequent third of the classes) that the leading strategy
   * predicted wrong, the most confidently wrong first, each with its true and predicted class.
   */
  static void misclassifiedImages(StringBuilder h, Dataset d, CompareReport.Leader leader) throws IOException {
    if (!d.schema().isImages()) {
      return;
    }
    ClassCounts cc = d.classCounts();
    List<Integer> order = byFrequency(cc);
    java.util.Set<Integer> few = new java.util.HashSet<>();
    for (int i = 0; i < order.size(); i++) {
      if (group(i, order.size()).equals("few")) {
        few.add(order.get(i));
      }
    }
    int[] y = d.labels();
    List<Integer> wrong = new ArrayList<>();
    for (int i = 0; i < leader.rows().length; i++) {
      int t = y[leader.rows()[i]];
      if (few.contains(t) && leader.predicted()[i] != t) {
        wrong.add(i);
      }
    }
    long fewRows = IntStream.range(0, leader.rows().length).filter(i -> few.contains(y[leader.rows()[i]])).count();
    h.append("<h2>Few-shot images the leader got wrong</h2><p class=\"muted\">")
        .append(CompareReport.esc(leader.name())).append(": ").append(wrong.size()).append(" of ").append(fewRows)
        .append(" test images of the few-shot classes (")
        .append(CompareReport.esc(String.join(", ", few.stream().sorted().map(cc.classNames()::get).toList())))
        .append(") predicted as another class");
    if (wrong.isEmpty()) {
      h.append(".</p>");
      return;
    }
    wrong.sort(Comparator.comparingDouble(i -> leader.proba()[i][y[leader.rows()[i]]]));
    h.append("; the ").append(Math.min(MAX_IMAGES, wrong.size()))
        .append(" most confidently wrong, with the probability given to the true class.</p><div class=\"thumbs\">");
    ImageSet set = d.images();
    // shown at least 72 pixels wide, pixelated (CSS) rather than smoothed
    int scale = Math.max(1, (int) Math.ceil(72.0 / Math.max(set.width(), set.height())));
    String size = " width=\"" + set.width() * scale + "\" height=\"" + set.height() * scale + "\"";
    for (int i : wrong.subList(0, Math.min(MAX_IMAGES, wrong.size()))) {
      int row = leader.rows()[i];
      int t = y[row];
      int p = leader.predicted()[i];
      h.append("<figure><img alt=\"").append(CompareReport.esc(set.names().get(d.imageIndex(row)))).append("\" src=\"")
          .append(png(set, d.imageIndex(row))).append("\"").append(size).append("><figcaption>")
          .append(CompareReport.esc(cc.classNames().get(t))).append(" &rarr; ").append(CompareReport.esc(cc.classNames().get(p)))
          .append(String.format(Locale.ROOT, "<br>p %.2f", leader.proba()[i][t])).append("</figcaption></figure>");
    }
    h.append("</div>");
  }

  /** Image {@code i} as a PNG {@code data:} URI. */
  static String png(ImageSet set, int i) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(org.imbalanced4j.images.ImageSets.toImage(set, i), "png", out);
    return "data:image/png;base64," + java.util.Base64.getEncoder().encodeToString(out.toByteArray());
  }
}
