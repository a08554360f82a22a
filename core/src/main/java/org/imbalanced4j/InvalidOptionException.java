package org.imbalanced4j;

import java.util.Collection;

/**
 * A parameter the user chose has no valid meaning here: an unknown method, strategy or column
 * name, a value out of range. The message names the valid choices, on one line ({@link
 * Messages#oneLine}). The CLI exits with code 2.
 */
public class InvalidOptionException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  /** An invalid option or parameter, with its one-line message. */
  public InvalidOptionException(String message) {
    super(Messages.oneLine(message));
  }

  /** "unknown WHAT 'value'; valid: a, b, c". */
  public static InvalidOptionException unknown(
      String what, String value, Collection<String> valid) {
    return new InvalidOptionException(
        "unknown " + what + " '" + value + "'; valid: " + String.join(", ", valid));
  }
}
