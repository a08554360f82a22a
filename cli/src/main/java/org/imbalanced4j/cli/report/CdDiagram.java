package org.imbalanced4j.cli.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A critical-difference diagram (Demšar, "Statistical comparisons of classifiers over multiple
 * data sets", JMLR 7, 2006) as inline SVG: each strategy at its mean rank over the folds (1 =
 * best, on the left), the Nemenyi critical difference as a bar, and a thick line joining each
 * group of strategies whose mean ranks differ by less than it (not significantly different).
 */
public final class CdDiagram {
  private CdDiagram() {}

  /**
   * @param names the strategies
   * @param ranks their mean ranks (1 = best)
   * @param cd the critical difference
   */
  public static String svg(List<String> names, double[] ranks, double cd) {
    int k = names.size();
    Integer[] order = new Integer[k];
    for (int i = 0; i < k; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (a, b) -> Double.compare(ranks[a], ranks[b]));
    double width = 1400;
    double left = 510;
    double right = width - 510;
    double axisY = 70;
    int leftCount = (k + 1) / 2;
    double height = axisY + 60 + Math.max(leftCount, k - leftCount) * 22 + 20;
    StringBuilder s = new StringBuilder();
    s.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %.0f %.0f\" "
        + "width=\"100%%\" role=\"img\" aria-label=\"critical difference diagram\" "
        + "style=\"font-family:system-ui,sans-serif;font-size:11px\">", width, height));
    double lo = 1;
    double hi = Math.max(2, k);
    java.util.function.DoubleUnaryOperator x = r -> left + (r - lo) / (hi - lo) * (right - left);
    s.append(line(left, axisY, right, axisY, "#1d2733", 1.5));
    for (int r = 1; r <= hi; r++) {
      double px = x.applyAsDouble(r);
      s.append(line(px, axisY - 6, px, axisY, "#1d2733", 1));
      s.append(text(px, axisY - 10, "middle", String.valueOf(r)));
    }
    s.append(text((left + right) / 2, 14, "middle", "mean rank over the folds (1 = best)"));
    double cdEnd = Math.min(right, x.applyAsDouble(1 + cd));
    s.append(line(left, 32, cdEnd, 32, "#c0392b", 2.5));
    s.append(line(left, 27, left, 37, "#c0392b", 1.5)).append(line(cdEnd, 27, cdEnd, 37, "#c0392b", 1.5));
    s.append(text(cdEnd + 6, 36, "start", String.format(Locale.ROOT, "CD = %.2f", cd)));
    // groups not significantly different: maximal runs within cd
    List<int[]> groups = new ArrayList<>();
    int lastEnd = -1;
    for (int i = 0; i < k; i++) {
      int j = i;
      while (j + 1 < k && ranks[order[j + 1]] - ranks[order[i]] < cd) {
        j++;
      }
      if (j > i && j > lastEnd) {
        groups.add(new int[] {i, j});
        lastEnd = j;
      }
    }
    for (int g = 0; g < groups.size(); g++) {
      double y = axisY + 12 + 7 * (g % 6);
      s.append(line(x.applyAsDouble(ranks[order[groups.get(g)[0]]]) - 4, y,
          x.applyAsDouble(ranks[order[groups.get(g)[1]]]) + 4, y, "#4a90d9", 4));
    }
    double labelTop = axisY + 60;
    for (int i = 0; i < k; i++) {
      int c = order[i];
      double px = x.applyAsDouble(ranks[c]);
      boolean onLeft = i < leftCount;
      double y = labelTop + (onLeft ? i : k - 1 - i) * 22;
      double end = onLeft ? left - 10 : right + 10;
      s.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3.5\" fill=\"#1d2733\"/>", px, axisY));
      s.append(String.format(Locale.ROOT,
          "<polyline points=\"%.1f,%.1f %.1f,%.1f %.1f,%.1f\" fill=\"none\" stroke=\"#6b7785\" stroke-width=\"1\"/>",
          px, axisY, px, y, end, y));
      s.append(text(onLeft ? end - 4 : end + 4, y + 4, onLeft ? "end" : "start",
          String.format(Locale.ROOT, "%s (%.2f)", names.get(c), ranks[c])));
    }
    return s.append("</svg>").toString();
  }

  private static String line(double x1, double y1, double x2, double y2, String colour, double w) {
    return String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\" "
        + "stroke-width=\"%.1f\"/>", x1, y1, x2, y2, colour, w);
  }

  private static String text(double x, double y, String anchor, String t) {
    return String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\" fill=\"#1d2733\">%s</text>",
        x, y, anchor, t.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;"));
  }
}
