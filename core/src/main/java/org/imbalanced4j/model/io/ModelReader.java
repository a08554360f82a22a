package org.imbalanced4j.model.io;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import org.imbalanced4j.DataException;
import org.imbalanced4j.data.Schema;
import org.imbalanced4j.model.Model;

/**
 * What a {@link ModelFormat} reads a model from: the directory's schema, the model's section of
 * {@code model.json}, its binary files and its members. Reading a missing key is a {@link
 * DataException} naming the directory.
 */
public interface ModelReader {
  /** The training data's description, as the directory records it. */
  Schema schema();

  /** The model's section of {@code model.json}. */
  JsonNode section();

  /** A binary file the model wrote. */
  byte[] read(String file) throws IOException;

  /** A binary file the model wrote, as a buffered stream the caller closes. */
  java.io.InputStream open(String file) throws IOException;

  /** A member model of an ensemble. */
  Model member(String name);

  /** An error about this directory. */
  DataException error(String what);

  /** A required key of the section. */
  default JsonNode get(String key) {
    JsonNode n = section().get(key);
    if (n == null || n.isNull()) {
      throw error("model.json has no '" + key + "'");
    }
    return n;
  }

  /** A required array of numbers of the section. */
  default double[] doubles(String key) {
    JsonNode a = get(key);
    double[] out = new double[a.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = a.get(i).asDouble();
    }
    return out;
  }
}
