package org.imbalanced4j.cli.render;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;

/** Horizontal bars in the terminal: Unicode blocks on a UTF-8 terminal, '#' elsewhere. */
public final class BarChart {
  private static final char[] EIGHTHS = {' ', '▏', '▎', '▍', '▌', '▋', '▊', '▉', '█'};

  private BarChart() {}

  /** One line a value: label, bar scaled so the largest is {@code width} cells, note. */
  public static void print(PrintWriter out, List<String> labels, double[] values, String[] notes,
      int width) {
    double max = 0;
    for (double v : values) {
      max = Math.max(max, v);
    }
    int lw = labels.stream().mapToInt(String::length).max().orElse(1);
    boolean unicode = unicodeTerminal();
    for (int k = 0; k < values.length; k++) {
      double cells = max == 0 ? 0 : values[k] / max * width;
      out.printf("  %-" + lw + "s  %s  %s%n", labels.get(k), bar(cells, width, unicode), notes[k]);
    }
  }

  static String bar(double cells, int width, boolean unicode) {
    StringBuilder sb = new StringBuilder(width);
    int full = (int) cells;
    if (unicode) {
      sb.append("█".repeat(full));
      int eighths = (int) Math.round((cells - full) * 8);
      if (full < width && eighths > 0) {
        sb.append(EIGHTHS[eighths]);
      } else if (full == 0 && cells > 0) {
        sb.append(EIGHTHS[1]);
      }
    } else {
      int n = (int) Math.round(cells);
      sb.append("#".repeat(n == 0 && cells > 0 ? 1 : n));
    }
    while (sb.length() < width) {
      sb.append(' ');
    }
    return sb.toString();
  }

  private static boolean unicodeTerminal() {
    for (String var : new String[] {"LC_ALL", "LC_CTYPE", "LANG"}) {
      String v = System.getenv(var);
      if (v != null && !v.isEmpty()) {
        String l = v.toLowerCase(Locale.ROOT);
        return l.contains("utf-8") || l.contains("utf8");
      }
    }
    return false;
  }
}
