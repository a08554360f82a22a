package org.imbalanced4j.io;

/** What a text cell holds, decided on its characters without creating a string. */
final class CellValues {
  private static final String[] MISSING = {
    "NA", "N/A", "n/a", "NaN", "nan", "NAN", "-NaN", "-nan", "?", "null", "NULL", "None", "#N/A",
    "<NA>"
  };

  private CellValues() {}

  /** Whether a trimmed cell is one of the usual spellings of a missing value (pandas' and '?'). */
  static boolean isMissing(char[] b, int s, int e) {
    if (s == e) {
      return true;
    }
    char c = b[s];
    if (c != 'N' && c != 'n' && c != '-' && c != '?' && c != '#' && c != '<') {
      return false;
    }
    for (String m : MISSING) {
      if (equals(b, s, e, m)) {
        return true;
      }
    }
    return false;
  }

  /** Whether a trimmed cell spells infinity: inf, +inf, -Inf, Infinity, ... (any case). */
  static boolean isInfinity(char[] b, int s, int e) {
    if (s < e && (b[s] == '+' || b[s] == '-')) {
      s++;
    }
    return equalsIgnoreCase(b, s, e, "inf") || equalsIgnoreCase(b, s, e, "infinity");
  }

  /** Whether a cell starting with {@code c} may be a number (or an infinity). */
  static boolean maybeNumber(char c) {
    return (c >= '0' && c <= '9') || c == '-' || c == '+' || c == '.' || c == 'I' || c == 'i';
  }

  private static boolean equals(char[] b, int s, int e, String m) {
    if (e - s != m.length()) {
      return false;
    }
    for (int i = 0; i < m.length(); i++) {
      if (b[s + i] != m.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  private static boolean equalsIgnoreCase(char[] b, int s, int e, String m) {
    if (e - s != m.length()) {
      return false;
    }
    for (int i = 0; i < m.length(); i++) {
      if (Character.toLowerCase(b[s + i]) != m.charAt(i)) {
        return false;
      }
    }
    return true;
  }
}
