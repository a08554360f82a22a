package org.imbalanced4j.bench;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.imbalanced4j.data.Dataset;
import org.imbalanced4j.data.Schema;
import org.imbalanced4j.io.Datasets;
import org.imbalanced4j.io.ReadOptions;
import org.imbalanced4j.sampling.Resampled;
import org.imbalanced4j.sampling.SamplerCatalog;

/**
 * Peak live memory of one {@code fitResample}, for {@code scripts/bench/peak_memory.sh}, which
 * runs it in JVMs of decreasing heap ({@code -Xmx}) to find the smallest with which it completes.
 * Reading a CSV needs more transient memory than many samplers, so the data is first converted
 * ({@code convert FILE.csv FILE.bin}, in a large heap) to raw floats that {@code run FILE.bin
 * METHOD} reads straight into the dataset's arrays. {@code run} prints the live heap after
 * loading (after full collections) and the input's feature bytes.
 */
public final class PeakHeap {
  private PeakHeap() {}

  public static void main(String[] args) throws Exception {
    if (args[0].equals("convert")) {
      convert(Datasets.read(args[1], ReadOptions.defaults()), Path.of(args[2]));
      return;
    }
    Dataset d = load(Path.of(args[1]));
    System.gc();
    System.gc();
    long live = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    Resampled r = SamplerCatalog.create(args[2], Map.of(), 0).fitResample(d);
    System.out.printf(Locale.ROOT,
        "{\"method\":\"%s\",\"loaded_live_bytes\":%d,\"input_bytes\":%d,\"rows_out\":%d}%n",
        args[2], live, (long) d.rows() * d.features() * Float.BYTES, r.data().rows());
  }

  private static void convert(Dataset d, Path out) throws IOException {
    try (DataOutputStream o = new DataOutputStream(new java.io.BufferedOutputStream(Files.newOutputStream(out)))) {
      o.writeInt(d.rows());
      o.writeInt(d.features());
      o.writeInt(d.classCount());
      for (String c : d.schema().classNames()) {
        o.writeUTF(c);
      }
      for (int i = 0; i < d.rows(); i++) {
        o.writeInt(d.label(i));
      }
      for (int i = 0; i < d.rows(); i++) {
        for (int j = 0; j < d.features(); j++) {
          o.writeFloat(d.value(i, j));
        }
      }
    }
  }

  private static Dataset load(Path in) throws IOException {
    try (DataInputStream s = new DataInputStream(new java.io.BufferedInputStream(Files.newInputStream(in)))) {
      int n = s.readInt();
      int d = s.readInt();
      int k = s.readInt();
      List<String> classes = new ArrayList<>();
      for (int c = 0; c < k; c++) {
        classes.add(s.readUTF());
      }
      int[] y = new int[n];
      for (int i = 0; i < n; i++) {
        y[i] = s.readInt();
      }
      float[] x = new float[n * d];
      byte[] buf = new byte[1 << 16];
      ByteBuffer bb = ByteBuffer.wrap(buf).order(ByteOrder.BIG_ENDIAN);
      int at = 0;
      while (at < x.length) {
        int want = Math.min(buf.length / 4, x.length - at) * 4;
        s.readFully(buf, 0, want);
        bb.clear();
        bb.asFloatBuffer().get(x, at, want / 4);
        at += want / 4;
      }
      return Dataset.builder(Schema.numeric(d, "class", classes)).setValues(x, n).setLabels(y).build();
    }
  }
}
