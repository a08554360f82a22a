package org.imbalanced4j.fuzz;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import javax.imageio.ImageIO;
import org.imbalanced4j.data.Dataset;
import org.imbalanced4j.experiment.FoldResult;
import org.imbalanced4j.experiment.ResultStore;
import org.imbalanced4j.images.Idx;
import org.imbalanced4j.io.AtomicFiles;
import org.imbalanced4j.io.Datasets;
import org.imbalanced4j.io.ReadOptions;
import org.imbalanced4j.model.KNeighbors;
import org.imbalanced4j.model.Model;
import org.imbalanced4j.model.io.ModelDirectory;
import org.imbalanced4j.threshold.DecisionRule;

/**
 * Writes the seed corpora of {@link ReadersFuzzTest} and the valid files its targets start from,
 * under {@code core/src/test/resources/org/imbalanced4j/fuzz/}: {@code java ... FuzzSeeds DIR}
 * (run by {@code scripts/fuzz.sh --seeds}; the output is committed). Findings of fuzzing runs land
 * beside the seeds and stay.
 */
public final class FuzzSeeds {
  static final String RUN = "fuzz-run";
  static final String CANDIDATE = "none + logistic";

  private FuzzSeeds() {}

  public static void main(String[] args) throws IOException {
    Path root = Path.of(args[0]);
    Path in = root.resolve("ReadersFuzzTestInputs");
    seed(in, "csv", "a.csv", "x,y,class\n1,2.5,a\n3,-4e-2,b\n5,6,a\n");
    seed(in, "csv", "b.csv", "\"q,1\";z;label\r\n1;NaN;0\r\n?;2;1\r\n");
    seed(in, "csv", "c.csv", "term,amount,class\nlong,1,a\nshort,,b\nlong,3e400,a\n");
    seed(in, "arff", "a.arff", "@relation r\n@attribute x numeric\n@attribute c {a,b}\n@data\n1.5,a\n2,b\n?,a\n");
    seed(in, "arff", "b.arff", "% c\n@RELATION 'q r'\n@ATTRIBUTE \"x y\" REAL\n@ATTRIBUTE s string\n"
        + "@attribute class {'p q',r}\n@DATA\n{0 1, 2 r}\n3,'s',\"p q\"\n");
    seed(in, "libsvm", "a.libsvm", "1 1:0.5 3:2\n0 2:1e-3\n1 1:1 2:2 3:3 # c\n");
    seed(in, "libsvm", "b.libsvm", "+1 1:1\n-1 4:2.5\n2 2:NaN\n");
    Path idx = in.resolve("idx");
    Files.createDirectories(idx);
    Path images = idx.resolve("images");
    Idx.write(images, new int[] {2, 3, 3}, new byte[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17});
    Idx.write(idx.resolve("labels"), new int[] {4}, new byte[] {0, 1, 1, 0});
    Path image = in.resolve("image");
    Files.createDirectories(image);
    byte[] png = image("png");
    Files.write(root.resolve("valid.png"), png);
    // the provider takes the boolean and the size from the end, the image bytes from the start
    Files.write(image.resolve("png"), joined(png, new byte[] {8, 1}));
    Files.write(image.resolve("jpeg"), joined(image("jpg"), new byte[] {5, 0}));
    Dataset d = Datasets.read("builtin:glass", ReadOptions.defaults());
    Dataset small = d.subset(IntStream.range(0, 30).toArray()).compact();
    Model knn = new KNeighbors(3, true).fit(small, null, 0);
    Path model = root.resolve("model");
    AtomicFiles.deleteTree(model);
    ModelDirectory.save(model, knn, DecisionRule.ARGMAX.toMap(knn.classes()), Map.of(), small);
    Path json = in.resolve("modelJson");
    Files.createDirectories(json);
    Files.copy(model.resolve("model.json"), json.resolve("knn"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    Path bin = in.resolve("modelBinary");
    Files.createDirectories(bin);
    Files.copy(model.resolve("rows.bin"), bin.resolve("knn"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    Path store = in.resolve("resultStore");
    Files.createDirectories(store);
    Path db = Files.createTempDirectory("seed-store").resolve("results.sqlite");
    try (ResultStore s = new ResultStore(db, RUN)) {
      s.put(new FoldResult(CANDIDATE, 0, 0, Map.of("roc_auc", 0.75, "balanced_accuracy", 0.5), 0.25,
          new float[] {0.1f, 0.9f, 0.6f, 0.4f}, new int[] {1, 0}, List.of("did not converge")));
    }
    try (var c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + db);
        var st = c.createStatement()) {
      st.execute("PRAGMA wal_checkpoint(TRUNCATE)");
      st.execute("PRAGMA journal_mode=DELETE");
    } catch (java.sql.SQLException e) {
      throw new IOException(e);
    }
    Files.copy(db, store.resolve("one-fold"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
  }

  private static void seed(Path in, String target, String name, String text) throws IOException {
    Path dir = in.resolve(target);
    Files.createDirectories(dir);
    Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
  }

  private static byte[] image(String format) throws IOException {
    BufferedImage img = new BufferedImage(5, 4, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < 4; y++) {
      for (int x = 0; x < 5; x++) {
        img.setRGB(x, y, (x * 50) << 16 | (y * 60) << 8 | 90);
      }
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(img, format, out);
    return out.toByteArray();
  }

  private static byte[] joined(byte[] head, byte[] rest) {
    byte[] all = new byte[head.length + rest.length];
    System.arraycopy(head, 0, all, 0, head.length);
    System.arraycopy(rest, 0, all, head.length, rest.length);
    return all;
  }
}
