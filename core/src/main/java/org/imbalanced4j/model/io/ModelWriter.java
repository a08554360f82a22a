package org.imbalanced4j.model.io;

import java.io.IOException;
import org.imbalanced4j.model.Model;

/** Where a {@link Model} writes its part of a model directory ({@link ModelDirectory#save}). */
public interface ModelWriter {
  /** A value of the model's section of {@code model.json}: numbers, text, arrays, lists or maps. */
  void put(String key, Object value);

  /**
   * A binary file beside {@code model.json}, streamed by {@code body} to a temporary file that is
   * renamed into place when complete: a large model (a 500-tree forest on half a million rows is
   * 870 MB) is never held in memory a second time as bytes.
   */
  void write(String file, org.imbalanced4j.io.AtomicFiles.StreamBody body) throws IOException;

  /** A binary file beside {@code model.json}, written atomically. */
  default void write(String file, byte[] bytes) throws IOException {
    write(file, out -> out.write(bytes));
  }

  /** A member model of an ensemble, in its own sub-directory {@code name}. */
  void member(String name, Model member) throws IOException;

  /** A library version the model depends on, recorded under {@code versions}. */
  void version(String component, String version);
}
