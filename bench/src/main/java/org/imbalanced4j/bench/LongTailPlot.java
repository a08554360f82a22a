package org.imbalanced4j.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.Color;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.style.Styler;

/**
 * The per-class recall plot of the long-tailed benchmark ({@code scripts/bench/long_tail.sh}): one
 * group of bars per class (classes in the order of their training counts, many-shot first), one bar
 * per (framework, recipe) given, each the mean recall over the seeds in {@code rows.jsonl}.
 *
 * <p>Usage: {@code LongTailPlot ROWS.jsonl OUT.png FRAMEWORK:RECIPE...}
 */
public final class LongTailPlot {
  private LongTailPlot() {}

  public static void main(String[] args) throws Exception {
    ObjectMapper json = new ObjectMapper();
    Map<String, List<double[]>> runs = new LinkedHashMap<>();
    int k = 0;
    for (String line : Files.readAllLines(Path.of(args[0]))) {
      if (line.isBlank()) {
        continue;
      }
      JsonNode r = json.readTree(line);
      double[] recall = new double[r.get("recall").size()];
      for (int c = 0; c < recall.length; c++) {
        recall[c] = r.get("recall").get(c).asDouble();
      }
      k = recall.length;
      runs.computeIfAbsent(r.get("framework").asText() + ":" + r.get("recipe").asText(), x -> new ArrayList<>())
          .add(recall);
    }
    CategoryChart chart = new CategoryChartBuilder().width(1000).height(420)
        .title("Fashion-MNIST-LT (ratio 100): recall per class, mean over seeds")
        .xAxisTitle("class (training images: 6,000 for class 0 down to 60 for class 9)").yAxisTitle("recall").build();
    var style = chart.getStyler();
    style.setLegendPosition(Styler.LegendPosition.OutsideS);
    style.setLegendLayout(Styler.LegendLayout.Horizontal);
    style.setYAxisMin(0.0);
    style.setYAxisMax(1.0);
    style.setChartBackgroundColor(Color.WHITE);
    style.setPlotGridVerticalLinesVisible(false);
    style.setYAxisDecimalPattern("0.0");
    List<String> classes = IntStream.range(0, k).mapToObj(Integer::toString).toList();
    for (int a = 2; a < args.length; a++) {
      List<double[]> rs = runs.get(args[a]);
      if (rs == null) {
        throw new IllegalArgumentException("no runs of " + args[a] + " in " + args[0]);
      }
      List<Double> mean = new ArrayList<>();
      for (int c = 0; c < k; c++) {
        double s = 0;
        for (double[] r : rs) {
          s += r[c];
        }
        mean.add(s / rs.size());
      }
      chart.addSeries(args[a].replace(":", ", ") + " (" + rs.size() + (rs.size() == 1 ? " seed)" : " seeds)"), classes,
          mean);
    }
    BitmapEncoder.saveBitmap(chart, args[1], BitmapEncoder.BitmapFormat.PNG);
    System.out.println("wrote " + args[1]);
  }
}
