package org.imbalanced4j.io;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.imbalanced4j.InvalidOptionException;

/**
 * Real imbalanced data sets shipped inside the jar, addressed as {@code builtin:NAME}. Origins and
 * licences are in {@code DATASETS.md} at the repository root and beside each file in the jar.
 */
public final class BuiltinDatasets {
  /** The data set used when a command is given none. */
  public static final String DEMO = "satimage";

  /**
   * One built-in data set.
   *
   * @param name the name after {@code builtin:}
   * @param title one line: what the rows are and which class is rare
   * @param licence the data's licence
   */
  public record Entry(String name, String title, String licence) {
    /** The resource's file name. */
    public String resource() {
      return name + ".csv";
    }

    /** The data set's CSV text. */
    public InputStream open() throws IOException {
      InputStream in = BuiltinDatasets.class.getResourceAsStream("/org/imbalanced4j/datasets/" + resource());
      if (in == null) {
        throw new IOException("built-in data set " + name + " is missing from the jar");
      }
      return in;
    }
  }

  private static final List<Entry> ENTRIES =
      List.of(
          new Entry(
              "satimage",
              "Landsat satellite pixels, 36 features; rare class: damp grey soil (IR 9.3)",
              "CC BY 4.0 (UCI Statlog Landsat Satellite)"),
          new Entry(
              "lending_club",
              "Lending Club loans 2016Q1, 17 numeric + 5 categorical; rare class: bad (IR 18.1)",
              "MIT (R package modeldata)"),
          new Entry(
              "glass",
              "Glass identification, 9 oxides, 6 glass types (IR 8.4)",
              "CC BY 4.0 (UCI Glass Identification)"),
          new Entry(
              "ionosphere",
              "Radar returns from the ionosphere, 34 features; classes good/bad (IR 1.8)",
              "CC BY 4.0 (UCI Ionosphere)"));

  private BuiltinDatasets() {}

  /** Every built-in data set. */
  public static List<Entry> all() {
    return ENTRIES;
  }

  /** The entry of that name (case-insensitive). */
  public static Entry get(String name) {
    for (Entry e : ENTRIES) {
      if (e.name.equalsIgnoreCase(name.strip())) {
        return e;
      }
    }
    throw InvalidOptionException.unknown(
        "built-in data set", name, ENTRIES.stream().map(e -> "builtin:" + e.name).toList());
  }
}
