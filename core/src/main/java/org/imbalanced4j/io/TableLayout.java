package org.imbalanced4j.io;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.imbalanced4j.DataException;
import org.imbalanced4j.InvalidOptionException;

/**
 * The columns of a text table being read: names, which one is the target, which are categorical
 * whatever their values, and (ARFF) the declared levels of nominal columns. Shared by the chunks
 * that parse the rows.
 */
final class TableLayout {
  final String source;
  final String[] names;
  final int target;
  final boolean[] forcedCategorical;
  final List<List<String>> declaredLevels; // per file column; null where none declared
  final boolean dropMissing;
  final int minClasses;

  TableLayout(
      String source,
      String[] names,
      ReadOptions opt,
      boolean[] forcedCategorical,
      List<List<String>> declaredLevels) {
    this.source = source;
    this.names = names;
    requireDistinct(source, names);
    this.dropMissing = opt.dropMissing();
    this.minClasses = opt.minClasses();
    this.target = opt.withoutTarget() ? -1 : resolveTarget(source, names, opt.target());
    this.forcedCategorical = forcedCategorical.clone();
    this.declaredLevels = declaredLevels;
    for (String c : opt.categorical()) {
      int j = indexOf(names, c);
      if (j < 0) {
        throw InvalidOptionException.unknown("categorical column", c, List.of(names));
      }
      if (j != target) {
        this.forcedCategorical[j] = true;
      }
    }
  }

  /** A layout whose categorical set also holds the given file columns. */
  TableLayout withForced(Set<Integer> more) {
    boolean[] f = forcedCategorical.clone();
    for (int j : more) {
      f[j] = true;
    }
    return new TableLayout(this, f);
  }

  private TableLayout(TableLayout o, boolean[] forced) {
    this.source = o.source;
    this.names = o.names;
    this.target = o.target;
    this.forcedCategorical = forced;
    this.declaredLevels = o.declaredLevels;
    this.dropMissing = o.dropMissing;
    this.minClasses = o.minClasses;
  }

  int columns() {
    return names.length;
  }

  /** Number of feature columns. */
  int features() {
    return target < 0 ? names.length : names.length - 1;
  }

  /** The placeholder class of data read without a target. */
  static final String NO_CLASS = "(none)";

  /** Feature index of a file column (the target column is skipped). */
  int featureOf(int column) {
    return target < 0 || column < target ? column : column - 1;
  }

  List<String> declared(int column) {
    return declaredLevels == null ? null : declaredLevels.get(column);
  }

  /**
   * A hint when a header read as one column holds another common separator: "; its header
   * contains ';': if that separates the columns, give --delimiter ';'". Empty otherwise.
   */
  static String delimiterHint(String[] names) {
    if (names.length != 1) {
      return "";
    }
    for (char c : new char[] {';', '\t', '|', ':'}) {
      if (names[0].indexOf(c) >= 0) {
        String shown = c == '\t' ? "tab" : "'" + c + "'";
        return "; its header contains " + (c == '\t' ? "a tab" : shown) + ": if that separates the columns, give "
            + "--delimiter " + shown;
      }
    }
    return "";
  }

  /**
   * The target column: the one named, else one called {@code label} or {@code class} (any case),
   * else the last.
   */
  static int resolveTarget(String source, String[] names, String wanted) {
    if (names.length < 2) {
      throw new DataException(source + ": has " + names.length + " column; need at least one feature and a target"
          + delimiterHint(names));
    }
    if (wanted != null) {
      int j = indexOf(names, wanted);
      if (j < 0) {
        throw new InvalidOptionException(
            "target column '" + wanted + "' is not in " + source + "; columns: "
                + String.join(", ", names));
      }
      return j;
    }
    for (String candidate : List.of("label", "class")) {
      for (int j = 0; j < names.length; j++) {
        if (names[j].strip().toLowerCase(Locale.ROOT).equals(candidate)) {
          return j;
        }
      }
    }
    return names.length - 1;
  }

  /** Column names are how every command addresses columns: two with one name are an error. */
  static void requireDistinct(String source, String[] names) {
    java.util.Map<String, Integer> seen = new java.util.HashMap<>();
    for (int j = 0; j < names.length; j++) {
      Integer prev = seen.putIfAbsent(names[j].strip(), j);
      if (prev != null) {
        throw new DataException(source + ": columns " + (prev + 1) + " and " + (j + 1) + " are both named '"
            + names[j].strip() + "'; give every column its own name");
      }
    }
  }

  /** Exact match first, then case-insensitive. */
  static int indexOf(String[] names, String wanted) {
    for (int j = 0; j < names.length; j++) {
      if (names[j].equals(wanted)) {
        return j;
      }
    }
    for (int j = 0; j < names.length; j++) {
      if (names[j].strip().equalsIgnoreCase(wanted.strip())) {
        return j;
      }
    }
    return -1;
  }

  static List<List<String>> noDeclaredLevels(int columns) {
    List<List<String>> l = new ArrayList<>(columns);
    for (int j = 0; j < columns; j++) {
      l.add(null);
    }
    return l;
  }
}
