import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * A binary table for the compare-at-scale benchmark: ROWS x 20 features, 1% rare class. The rare
 * rows are shifted by 0.8 in features x0..x4 and x5 carries an interaction (x5 = x6 * x7 for rare
 * rows plus noise), so neither a line nor a single split separates the classes. Seeded.
 * Usage: java Gen.java ROWS OUT.csv [SEED]
 */
public final class Gen {
  public static void main(String[] a) throws IOException {
    long rows = Long.parseLong(a[0]);
    SplittableRandom r = new SplittableRandom(a.length > 2 ? Long.parseLong(a[2]) : 0);
    Path out = Path.of(a[1]);
    Path tmp = out.resolveSibling(out.getFileName() + ".tmp");
    try (BufferedWriter w = Files.newBufferedWriter(tmp)) {
      StringBuilder sb = new StringBuilder();
      for (int j = 0; j < 20; j++) {
        sb.append('x').append(j).append(',');
      }
      w.write(sb.append("class\n").toString());
      double[] x = new double[20];
      for (long i = 0; i < rows; i++) {
        boolean rare = r.nextDouble() < 0.01;
        for (int j = 0; j < 20; j++) {
          x[j] = gauss(r) + (rare && j < 5 ? 0.8 : 0);
        }
        if (rare) {
          x[5] = x[6] * x[7] + 0.5 * gauss(r);
        }
        sb.setLength(0);
        for (int j = 0; j < 20; j++) {
          sb.append(String.format(Locale.ROOT, "%.5f", x[j])).append(',');
        }
        w.write(sb.append(rare ? "fraud" : "normal").append('\n').toString());
      }
    }
    Files.move(tmp, out, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
  }

  private static double gauss(SplittableRandom r) {
    double u = 1 - r.nextDouble();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * r.nextDouble());
  }
}
