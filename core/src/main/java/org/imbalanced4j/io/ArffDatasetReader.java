package org.imbalanced4j.io;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.imbalanced4j.DataException;
import org.imbalanced4j.data.Dataset;

/**
 * Reads Weka's ARFF format: {@code @attribute} lines ({@code numeric}, {@code real}, {@code
 * integer}, nominal {@code {a,b,c}}, {@code string}), then {@code @data} rows, dense or sparse
 * ({@code {0 1.5, 3 x}}); {@code ?} is a missing value, {@code %} starts a comment.
 *
 * <p>Nominal features keep their declared levels in declared order; the class names are the
 * target's values present in the data, sorted, as everywhere else.
 */
public final class ArffDatasetReader {
  private ArffDatasetReader() {}

  /** Reads an ARFF file, dense or sparse. */
  public static Dataset read(DataSource src, ReadOptions opt) throws IOException {
    String source = src.name();
    List<String> names = new ArrayList<>();
    List<List<String>> declared = new ArrayList<>();
    List<Boolean> nominal = new ArrayList<>();
    List<String> dataLines = new ArrayList<>();
    List<Long> dataLineNumbers = new ArrayList<>();
    try (BufferedReader r =
        new BufferedReader(new InputStreamReader(src.open(), StandardCharsets.UTF_8))) {
      String line;
      long no = 0;
      boolean inData = false;
      while ((line = r.readLine()) != null) {
        no++;
        String t = line.strip();
        if (t.isEmpty() || t.startsWith("%")) {
          continue;
        }
        if (inData) {
          dataLines.add(t);
          dataLineNumbers.add(no);
          continue;
        }
        String lower = t.toLowerCase(Locale.ROOT);
        if (lower.startsWith("@relation")) {
          continue;
        }
        if (lower.startsWith("@data")) {
          inData = true;
          continue;
        }
        if (!lower.startsWith("@attribute")) {
          throw DataException.at(source, no, 0, null,
              "expected @relation, @attribute or @data, found '" + abbreviate(t) + "'");
        }
        List<String> parts = ArffTokens.attribute(t.substring("@attribute".length()).strip(),
            source, no);
        String name = parts.get(0);
        String type = parts.get(1);
        names.add(name);
        if (type.startsWith("{")) {
          if (type.length() < 2 || !type.endsWith("}")) {
            throw DataException.at(source, no, 0, null, "the values of attribute '" + name + "' do not end with '}'");
          }
          List<String> levels = ArffTokens.split(type.substring(1, type.length() - 1), source, no);
          declared.add(levels);
          nominal.add(true);
        } else {
          String tl = type.toLowerCase(Locale.ROOT);
          if (tl.equals("numeric") || tl.equals("real") || tl.equals("integer")) {
            declared.add(null);
            nominal.add(false);
          } else if (tl.equals("string")) {
            declared.add(null);
            nominal.add(true);
          } else {
            throw DataException.at(source, no, 0, null, "attribute '" + name + "' has type '"
                + type + "'; supported: numeric, real, integer, string, {nominal values}");
          }
        }
      }
      if (names.isEmpty()) {
        throw new DataException(source + (no == 0 ? ": the file is empty" : ": has no @attribute lines"));
      }
      if (!inData || dataLines.isEmpty()) {
        throw new DataException(source + ": has a header but no data rows");
      }
    }
    String[] cols = names.toArray(String[]::new);
    boolean[] forced = new boolean[cols.length];
    for (int j = 0; j < cols.length; j++) {
      forced[j] = nominal.get(j);
    }
    TableLayout layout = new TableLayout(source, cols, opt, forced, declared);
    TableChunk chunk = new TableChunk(layout, dataLines.size());
    for (int i = 0; i < dataLines.size(); i++) {
      long no = dataLineNumbers.get(i);
      chunk.beginRow(no);
      String t = dataLines.get(i);
      boolean ok;
      if (t.startsWith("{")) {
        ok = sparseRow(chunk, layout, t, source, no);
      } else {
        List<String> cells = ArffTokens.split(t, source, no);
        ok = true;
        for (int j = 0; j < cells.size() && ok; j++) {
          ok = cell(chunk, layout, j, cells.get(j));
        }
      }
      if (!ok || !chunk.endRow()) {
        break;
      }
    }
    return new TableAssembler(layout, List.of(chunk), new long[] {1}).assemble(true);
  }

  private static boolean sparseRow(TableChunk chunk, TableLayout layout, String t, String source,
      long no) {
    if (!t.endsWith("}")) {
      throw DataException.at(source, no, 0, null, "sparse row does not end with '}'");
    }
    String[] values = new String[layout.columns()];
    java.util.Arrays.fill(values, "0");
    for (int j = 0; j < values.length; j++) {
      if (layout.declared(j) != null) {
        values[j] = layout.declared(j).get(0); // sparse ARFF: omitted nominal = first value
      }
    }
    for (String pair : ArffTokens.split(t.substring(1, t.length() - 1), source, no)) {
      String p = pair.strip();
      int sp = p.indexOf(' ');
      int idx;
      try {
        idx = Integer.parseInt(sp < 0 ? p : p.substring(0, sp));
      } catch (NumberFormatException e) {
        throw DataException.at(source, no, 0, null, "'" + p + "' is not 'index value'");
      }
      if (sp < 0 || idx < 0 || idx >= values.length) {
        throw DataException.at(source, no, 0, null, "'" + p + "' is not 'index value' with index 0.."
            + (values.length - 1));
      }
      values[idx] = ArffTokens.unquote(p.substring(sp + 1).strip());
    }
    for (int j = 0; j < values.length; j++) {
      if (!cell(chunk, layout, j, values[j])) {
        return false;
      }
    }
    return true;
  }

  private static boolean cell(TableChunk chunk, TableLayout layout, int j, String v) {
    if (j < layout.columns() && layout.declared(j) != null && !v.equals("?")
        && !layout.declared(j).contains(v) && j != layout.target) {
      return chunk.fail(j, "'" + v + "' is not one of the declared values "
          + layout.declared(j));
    }
    char[] c = v.toCharArray();
    return chunk.cell(j, c, 0, c.length);
  }

  private static String abbreviate(String s) {
    return s.length() > 40 ? s.substring(0, 40) + "..." : s;
  }
}
