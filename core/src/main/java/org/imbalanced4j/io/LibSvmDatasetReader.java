package org.imbalanced4j.io;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.imbalanced4j.DataException;
import org.imbalanced4j.data.Dataset;
import org.imbalanced4j.data.Feature;
import org.imbalanced4j.data.Levels;
import org.imbalanced4j.data.Schema;

/**
 * Reads the LibSVM / svmlight format: {@code label [qid:q] index:value ... [# comment]}, one row a
 * line, absent indices meaning 0. As scikit-learn's {@code load_svmlight_file(zero_based="auto")},
 * indices are one-based unless an index 0 occurs. Features are named {@code f<index>} with the
 * file's own index; the target is {@code label}.
 */
public final class LibSvmDatasetReader {
  private LibSvmDatasetReader() {}

  /** Reads a LibSVM / svmlight file. */
  public static Dataset read(DataSource src, ReadOptions opt) throws IOException {
    String source = src.name();
    List<String> labelText = new ArrayList<>();
    List<int[]> indices = new ArrayList<>();
    List<float[]> values = new ArrayList<>();
    int maxIndex = -1;
    int minIndex = Integer.MAX_VALUE;
    try (BufferedReader r =
        new BufferedReader(new InputStreamReader(src.open(), StandardCharsets.UTF_8))) {
      String line;
      long no = 0;
      while ((line = r.readLine()) != null) {
        no++;
        int hash = line.indexOf('#');
        String t = (hash >= 0 ? line.substring(0, hash) : line).strip();
        if (t.isEmpty()) {
          continue;
        }
        String[] tok = t.split("\\s+");
        String label = tok[0];
        int[] idx = new int[tok.length - 1];
        float[] val = new float[tok.length - 1];
        int n = 0;
        int prev = -1;
        boolean missing = false;
        for (int k = 1; k < tok.length; k++) {
          int colon = tok[k].indexOf(':');
          if (colon <= 0) {
            throw DataException.at(source, no, k + 1, null,
                "'" + tok[k] + "' is not index:value");
          }
          String key = tok[k].substring(0, colon);
          if (key.equals("qid")) {
            continue;
          }
          int i;
          double v;
          try {
            i = Integer.parseInt(key);
          } catch (NumberFormatException e) {
            throw DataException.at(source, no, k + 1, null, "index '" + key + "' is not an integer");
          }
          String vs = tok[k].substring(colon + 1);
          char[] vc = vs.toCharArray();
          if (CellValues.isMissing(vc, 0, vc.length)) {
            if (!opt.dropMissing()) {
              throw DataException.at(source, no, k + 1, null,
                  "missing value '" + vs + "'; use --drop-missing to drop such rows");
            }
            missing = true;
            continue;
          }
          try {
            v = Double.parseDouble(vs);
          } catch (NumberFormatException e) {
            throw DataException.at(source, no, k + 1, null, "'" + vs + "' is not a number");
          }
          if (!Float.isFinite((float) v)) {
            throw DataException.at(source, no, k + 1, null,
                "'" + vs + "' is not a finite float");
          }
          if (i < 0 || i <= prev) {
            throw DataException.at(source, no, k + 1, null,
                "index " + i + " must be >= 0 and larger than the previous index " + prev);
          }
          prev = i;
          idx[n] = i;
          val[n++] = (float) v;
          maxIndex = Math.max(maxIndex, i);
          minIndex = Math.min(minIndex, i);
        }
        if (missing) {
          continue;
        }
        labelText.add(label);
        indices.add(java.util.Arrays.copyOf(idx, n));
        values.add(java.util.Arrays.copyOf(val, n));
      }
      if (no == 0) {
        throw new DataException(source + ": the file is empty");
      }
    }
    if (labelText.isEmpty()) {
      throw new DataException(source + ": has no data rows");
    }
    int shift = minIndex == 0 ? 0 : 1;
    int d = Math.max(0, maxIndex + 1 - shift);
    // the dense table the largest index asks for must fit before anything is allocated
    long need = 4L * labelText.size() * d + 160L * d;
    Runtime rt = Runtime.getRuntime();
    long free = rt.maxMemory() - (rt.totalMemory() - rt.freeMemory());
    if (need > free) {
      throw new DataException(String.format(java.util.Locale.ROOT, "%s: %,d rows x %,d features (the largest "
          + "index is %d) need %.1f GB as a dense table; %.1f GB of memory are free (give more with "
          + "IMB_JAVA_OPTS=-Xmx...)", source, labelText.size(), d, maxIndex, need / 1e9, free / 1e9));
    }
    List<Feature> features = new ArrayList<>(d);
    for (int j = 0; j < d; j++) {
      features.add(Feature.numeric("f" + (j + shift)));
    }
    List<String> classes = Levels.sorted(labelText);
    Map<String, Integer> code = new HashMap<>();
    for (int k = 0; k < classes.size(); k++) {
      code.put(classes.get(k), k);
    }
    int rows = labelText.size();
    float[] x = new float[Math.multiplyExact(rows, d)];
    int[] y = new int[rows];
    for (int i = 0; i < rows; i++) {
      y[i] = code.get(labelText.get(i));
      int[] idx = indices.get(i);
      float[] val = values.get(i);
      for (int k = 0; k < idx.length; k++) {
        x[i * d + idx[k] - shift] = val[k];
      }
    }
    Schema schema = new Schema(features, opt.target() != null ? opt.target() : "label", classes);
    TableAssembler.checkClasses(source, schema, y, opt.minClasses());
    return Dataset.builder(schema).setValues(x, rows).setLabels(y).build();
  }
}
