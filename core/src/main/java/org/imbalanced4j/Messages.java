package org.imbalanced4j;

/** What the project's errors share: a message is one line, whatever the data put into it. */
public final class Messages {
  private Messages() {}

  /**
   * {@code text} as one line: line breaks and other control characters (from a class name, a
   * column header or a file's bytes quoted in the message) shown as escapes ({@code \n}, {@code
   * \r}, {@code \t}, {@code \u0000}), so an error cannot spread over lines or move the cursor.
   */
  public static String oneLine(String text) {
    if (text == null) {
      return null;
    }
    StringBuilder sb = null;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      String esc = switch (c) {
        case '\n' -> "\\n";
        case '\r' -> "\\r";
        case '\t' -> "\\t";
        default -> Character.isISOControl(c) || c == '\u2028' || c == '\u2029'
            ? String.format("\\u%04x", (int) c) : null;
      };
      if (esc != null && sb == null) {
        sb = new StringBuilder(text.length() + 8).append(text, 0, i);
      }
      if (sb != null) {
        sb.append(esc != null ? esc : String.valueOf(c));
      }
    }
    return sb == null ? text : sb.toString();
  }
}
