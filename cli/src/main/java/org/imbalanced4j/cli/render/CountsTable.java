package org.imbalanced4j.cli.render;

import java.io.PrintWriter;
import java.util.List;
import org.imbalanced4j.data.ClassCounts;

/** Class counts before and after, side by side. */
public final class CountsTable {
  private CountsTable() {}

  public static void print(PrintWriter out, ClassCounts before, ClassCounts after) {
    List<String> names = before.classNames();
    int w = Math.max(5, names.stream().mapToInt(String::length).max().orElse(5));
    int cw = Math.max(6, String.format("%,d", Math.max(before.total(), after.total())).length());
    out.printf("  %-" + w + "s  %" + cw + "s  %" + cw + "s  %7s%n", "class", "before", "after", "change");
    for (int k = 0; k < names.size(); k++) {
      long b = before.count(k);
      long a = after.count(k);
      out.printf("  %-" + w + "s  %," + cw + "d  %," + cw + "d  %+7.1f%%%n", names.get(k), b, a,
          b == 0 ? 0.0 : 100.0 * (a - b) / b);
    }
    out.printf("  %-" + w + "s  %," + cw + "d  %," + cw + "d%n", "total", before.total(), after.total());
    out.printf("  imbalance ratio %.2f -> %.2f%n", before.imbalanceRatio(), after.imbalanceRatio());
  }
}
