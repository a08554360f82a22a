package org.imbalanced4j.cli.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.imbalanced4j.io.AtomicFiles;
import org.imbalanced4j.metrics.ConfusionMatrix;
import org.imbalanced4j.metrics.Curve;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.HeatMapChartBuilder;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The evaluation plots, drawn with XChart and written as PNG and SVG (atomically): ROC curves
 * with the chance diagonal, precision-recall curves with the prevalence baseline, the confusion
 * matrix as counts and row-normalised, and the reliability (calibration) curve.
 */
public final class Plots {
  static {
    System.setProperty("java.awt.headless", "true");
  }

  private static final Color GREY = new Color(150, 150, 150);
  private static final BasicStroke DASHED = new BasicStroke(1.2f, BasicStroke.CAP_BUTT,
      BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f);

  /** One labelled curve. */
  public record Series(String name, Curve curve) {}

  private Plots() {}

  public static void roc(List<Series> curves, Path base) throws IOException {
    save(rocChart(curves), base);
  }

  public static void precisionRecall(List<Series> curves, double prevalence, Path base) throws IOException {
    save(precisionRecallChart(curves, prevalence), base);
  }

  public static XYChart rocChart(List<Series> curves) {
    XYChart c = xy("ROC curve", "False positive rate", "True positive rate");
    for (Series s : curves) {
      line(c, s.name(), s.curve().x(), s.curve().y());
    }
    dashed(c.addSeries("chance", new double[] {0, 1}, new double[] {0, 1}));
    return c;
  }

  public static XYChart precisionRecallChart(List<Series> curves, double prevalence) {
    XYChart c = xy("Precision-recall curve", "Recall", "Precision");
    c.getStyler().setLegendPosition(Styler.LegendPosition.InsideSW);
    for (Series s : curves) {
      line(c, s.name(), s.curve().x(), s.curve().y());
    }
    dashed(c.addSeries(String.format(java.util.Locale.ROOT, "baseline (prevalence %.3f)", prevalence),
        new double[] {0, 1}, new double[] {prevalence, prevalence}));
    return c;
  }

  public static void calibration(Curve curve, Path base) throws IOException {
    XYChart c = xy("Reliability (calibration) curve", "Mean predicted probability", "Share of positives");
    c.getStyler().setLegendPosition(Styler.LegendPosition.InsideNW);
    XYSeries s = c.addSeries("model", curve.x(), curve.y());
    s.setMarker(SeriesMarkers.CIRCLE);
    s.setLineWidth(2.2f);
    dashed(c.addSeries("perfectly calibrated", new double[] {0, 1}, new double[] {0, 1}));
    save(c, base);
  }

  /** Confusion matrix heat map; {@code normalise} divides each row by its total. */
  public static void confusion(ConfusionMatrix cm, List<String> names, boolean normalise, Path base)
      throws IOException {
    save(confusionChart(cm, names, normalise, normalise ? "Confusion matrix (each row sums to 1)"
        : "Confusion matrix (counts)"), base);
  }

  public static HeatMapChart confusionChart(ConfusionMatrix cm, List<String> names, boolean normalise, String title) {
    int k = cm.classes();
    HeatMapChart c = new HeatMapChartBuilder().width(560 + 30 * k).height(480 + 30 * k)
        .title(title)
        .xAxisTitle("Predicted class").yAxisTitle("True class").build();
    List<Number[]> cells = new ArrayList<>();
    for (int t = 0; t < k; t++) {
      long row = cm.trueCount(t);
      for (int p = 0; p < k; p++) {
        double v = normalise ? (row == 0 ? 0 : (double) cm.get(t, p) / row) : cm.get(t, p);
        // XChart's y axis runs bottom-up: put the first class on top
        cells.add(new Number[] {p, k - 1 - t, normalise ? Math.round(v * 1000) / 1000.0 : v});
      }
    }
    List<String> reversed = new ArrayList<>(names);
    Collections.reverse(reversed);
    c.addSeries(normalise ? "share of the true class" : "rows", names, reversed, cells);
    c.getStyler().setShowValue(true).setValueFont(new Font(Font.SANS_SERIF, Font.BOLD, 14))
        .setValueFontColor(Color.BLACK)
        .setRangeColors(new Color[] {new Color(247, 251, 255), new Color(158, 202, 225), new Color(66, 146, 198)});
    c.getStyler().setPlotGridLinesVisible(false);
    c.getStyler().setChartBackgroundColor(Color.WHITE);
    return c;
  }

  private static XYChart xy(String title, String x, String y) {
    XYChart c = new XYChartBuilder().width(720).height(560).title(title).xAxisTitle(x).yAxisTitle(y).build();
    c.getStyler().setXAxisMin(0.0).setXAxisMax(1.0).setYAxisMin(0.0).setYAxisMax(1.0);
    c.getStyler().setPlotGridLinesColor(new Color(230, 230, 230));
    c.getStyler().setDecimalPattern("0.0#");
    c.getStyler().setLegendPosition(Styler.LegendPosition.InsideSE);
    c.getStyler().setChartBackgroundColor(Color.WHITE);
    c.getStyler().setPlotBackgroundColor(Color.WHITE);
    c.getStyler().setMarkerSize(7);
    c.getStyler().setLegendFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
    return c;
  }

  private static void line(XYChart c, String name, double[] x, double[] y) {
    int[] keep = decimate(x, y, COLUMNS);
    double[] xs = new double[keep.length];
    double[] ys = new double[keep.length];
    for (int i = 0; i < keep.length; i++) {
      xs[i] = x[keep[i]];
      ys[i] = y[keep[i]];
    }
    XYSeries s = c.addSeries(name, xs, ys);
    s.setMarker(SeriesMarkers.NONE);
    s.setLineWidth(2.2f);
  }

  /** Columns of a curve chart's plot area a curve is decimated to (about one per two pixels). */
  static final int COLUMNS = 300;

  /**
   * The points of a curve that draw the same picture at chart resolution: consecutive points
   * falling in one of {@code columns} vertical strips are reduced to the strip's first, last,
   * lowest and highest (min-max decimation, as time-series plotting does), in curve order; at most
   * 4 points per strip, however many rows the curve was computed from.
   */
  static int[] decimate(double[] x, double[] y, int columns) {
    int n = x.length;
    if (n <= 2) {
      return java.util.stream.IntStream.range(0, n).toArray();
    }
    int[] out = new int[n];
    int m = 0;
    int start = 0;
    while (start < n) {
      int strip = strip(x[start], columns);
      int end = start;
      int lo = start;
      int hi = start;
      while (end + 1 < n && strip(x[end + 1], columns) == strip) {
        end++;
        if (y[end] < y[lo]) {
          lo = end;
        }
        if (y[end] > y[hi]) {
          hi = end;
        }
      }
      int[] pts = java.util.stream.IntStream.of(start, lo, hi, end).distinct().sorted().toArray();
      for (int p : pts) {
        out[m++] = p;
      }
      start = end + 1;
    }
    return straighten(x, y, java.util.Arrays.copyOf(out, m), 0.5 / columns);
  }

  /**
   * Drops points that lie within {@code tolerance} (in data units) of the straight line through
   * their kept neighbours (Ramer-Douglas-Peucker): the runs of a ROC staircase become their
   * corners. First and last points stay.
   */
  static int[] straighten(double[] x, double[] y, int[] idx, double tolerance) {
    boolean[] keep = new boolean[idx.length];
    keep[0] = true;
    keep[idx.length - 1] = true;
    java.util.ArrayDeque<int[]> todo = new java.util.ArrayDeque<>();
    todo.push(new int[] {0, idx.length - 1});
    while (!todo.isEmpty()) {
      int[] seg = todo.pop();
      int a = idx[seg[0]];
      int b = idx[seg[1]];
      double dx = x[b] - x[a];
      double dy = y[b] - y[a];
      double len = Math.hypot(dx, dy);
      int worst = -1;
      double far = tolerance;
      for (int i = seg[0] + 1; i < seg[1]; i++) {
        int p = idx[i];
        double d = len == 0 ? Math.hypot(x[p] - x[a], y[p] - y[a])
            : Math.abs(dy * (x[p] - x[a]) - dx * (y[p] - y[a])) / len;
        if (d > far) {
          far = d;
          worst = i;
        }
      }
      if (worst >= 0) {
        keep[worst] = true;
        todo.push(new int[] {seg[0], worst});
        todo.push(new int[] {worst, seg[1]});
      }
    }
    return java.util.stream.IntStream.range(0, idx.length).filter(i -> keep[i]).map(i -> idx[i]).toArray();
  }

  private static int strip(double x, int columns) {
    return (int) Math.min(columns - 1, Math.max(0, Math.floor(x * columns)));
  }

  private static void dashed(XYSeries s) {
    s.setMarker(SeriesMarkers.NONE);
    s.setLineColor(GREY);
    s.setLineStyle(DASHED);
  }

  /**
   * The chart as an SVG {@code data:} URI, for an {@code <img>} of a self-contained page. XChart
   * draws text as glyph outlines with nine decimals per coordinate; coordinates are cut to tenths
   * of a pixel here (the same picture on screen), which halves a report.
   */
  public static String svgDataUri(Chart<?, ?> chart) throws IOException {
    ByteArrayOutputStream svg = new ByteArrayOutputStream();
    VectorGraphicsEncoder.saveVectorGraphic(chart, svg, VectorGraphicsEncoder.VectorGraphicsFormat.SVG);
    String text = ROUND.matcher(svg.toString(java.nio.charset.StandardCharsets.UTF_8)).replaceAll("$1");
    return "data:image/svg+xml;base64,"
        + java.util.Base64.getEncoder().encodeToString(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  /** A decimal number's first decimal (the rest is dropped). */
  private static final java.util.regex.Pattern ROUND = java.util.regex.Pattern.compile("(\\d\\.\\d)\\d+");

  /** {@code base}.png and {@code base}.svg, each written atomically. */
  public static void save(Chart<?, ?> chart, Path base) throws IOException {
    byte[] png = BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG);
    AtomicFiles.write(base.resolveSibling(base.getFileName() + ".png"), out -> out.write(png));
    ByteArrayOutputStream svg = new ByteArrayOutputStream();
    VectorGraphicsEncoder.saveVectorGraphic(chart, svg, VectorGraphicsEncoder.VectorGraphicsFormat.SVG);
    AtomicFiles.write(base.resolveSibling(base.getFileName() + ".svg"), svg::writeTo);
  }
}
