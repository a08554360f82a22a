package org.imbalanced4j.io;

import java.util.ArrayList;
import java.util.List;
import org.imbalanced4j.DataException;

/** Splits ARFF lines: comma-separated values, optionally in single or double quotes. */
final class ArffTokens {
  private ArffTokens() {}

  /** The name and the type of an {@code @attribute} line's remainder. */
  static List<String> attribute(String rest, String source, long line) {
    String name;
    String type;
    if (rest.startsWith("'") || rest.startsWith("\"")) {
      int end = rest.indexOf(rest.charAt(0), 1);
      if (end < 0) {
        throw DataException.at(source, line, 0, null, "unterminated quote in attribute name");
      }
      name = rest.substring(1, end);
      type = rest.substring(end + 1).strip();
    } else {
      int sp = 0;
      while (sp < rest.length() && !Character.isWhitespace(rest.charAt(sp)) && rest.charAt(sp) != '{') {
        sp++;
      }
      name = rest.substring(0, sp);
      type = rest.substring(sp).strip();
    }
    if (name.isEmpty() || type.isEmpty()) {
      throw DataException.at(source, line, 0, null, "@attribute needs a name and a type");
    }
    return List.of(name, type);
  }

  /** Splits on commas outside quotes and strips quotes and blanks from each value. */
  static List<String> split(String s, String source, long line) {
    List<String> out = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    char quote = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (quote != 0) {
        if (c == '\\' && i + 1 < s.length()) {
          cur.append(s.charAt(++i));
        } else if (c == quote) {
          quote = 0;
        } else {
          cur.append(c);
        }
      } else if (c == '\'' || c == '"') {
        quote = c;
      } else if (c == ',') {
        out.add(cur.toString().strip());
        cur.setLength(0);
      } else {
        cur.append(c);
      }
    }
    if (quote != 0) {
      throw DataException.at(source, line, 0, null, "unterminated quote");
    }
    out.add(cur.toString().strip());
    return out;
  }

  static String unquote(String v) {
    if (v.length() >= 2 && (v.charAt(0) == '\'' || v.charAt(0) == '"')
        && v.charAt(v.length() - 1) == v.charAt(0)) {
      return v.substring(1, v.length() - 1);
    }
    return v;
  }
}
