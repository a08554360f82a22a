package org.imbalanced4j.model.io;

import java.io.IOException;
import org.imbalanced4j.model.Model;

/**
 * Reads back the models of one {@link Model#kind()}. Registered through a {@link
 * org.imbalanced4j.learn.LearnerProvider}, so a module adds kinds without changing the readers of
 * model directories.
 */
public interface ModelFormat {
  /** The {@code kind} in {@code model.json} this format reads. */
  String kind();

  /** Reads a model of this kind. */
  Model read(ModelReader in) throws IOException;

  /** A format from a kind and a reading function. */
  static ModelFormat of(String kind, Reading reading) {
    return new ModelFormat() {
      @Override
      public String kind() {
        return kind;
      }

      @Override
      public Model read(ModelReader in) throws IOException {
        return reading.read(in);
      }
    };
  }

  /** The reading part of a format. */
  @FunctionalInterface
  interface Reading {
    /** Reads a model of the format's kind. */
    Model read(ModelReader in) throws IOException;
  }
}
