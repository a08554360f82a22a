package org.imbalanced4j.model.io;

import java.io.IOException;
import org.imbalanced4j.model.Model;

/** Where a {@link Model} writes its part of a model directory ({@link ModelDirectory#save}). */
public interface ModelWriter {
  /** A value of the model's section of {@code model.json}: numbers, text, arrays, lists or maps. */
  void put(String key, Object value);

  /** A binary file beside {@code model.json}, written atomically. */
  void write(String file, byte[] bytes) throws IOException;

  /** A member model of an ensemble, in its own sub-directory {@code name}. */
  void member(String name, Model member) throws IOException;

  /** A library version the model depends on, recorded under {@code versions}. */
  void version(String component, String version);
}
