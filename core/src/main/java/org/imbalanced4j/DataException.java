package org.imbalanced4j;

/**
 * The data cannot be used as it is: a file that is missing, empty or malformed, a value that is
 * not a number, a class too small for the method. The message is one line in the user's terms,
 * naming the file, line and column where they apply ({@link Messages#oneLine} escapes any line
 * break the data brings into it). The CLI exits with code 1.
 */
public class DataException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** An error in the input, with its one-line message. */
  public DataException(String message) {
    super(Messages.oneLine(message));
  }

  /** An error in the input, with its one-line message and the failure behind it. */
  public DataException(String message, Throwable cause) {
    super(Messages.oneLine(message), cause);
  }

  /**
   * A problem at one place of a text file.
   *
   * @param source the file as the user named it
   * @param line 1-based line number
   * @param column 1-based column number, or 0 when the whole line is at fault
   * @param columnName the column's header, or null
   * @param what what is wrong
   */
  public static DataException at(
      String source, long line, int column, String columnName, String what) {
    StringBuilder sb = new StringBuilder(source).append(", line ").append(line);
    if (column > 0) {
      sb.append(", column ").append(column);
      if (columnName != null) {
        sb.append(" ('").append(columnName).append("')");
      }
    }
    return new DataException(sb.append(": ").append(what).toString());
  }
}
