package org.imbalanced4j.anomaly;

import java.io.DataInputStream;
import java.io.IOException;
import java.util.List;
import org.imbalanced4j.catalog.Param;
import org.imbalanced4j.catalog.Params;

/**
 * One detector of {@link Detectors}: its name as {@code imb detect --method} and grids give it, a
 * one-line description, its documented parameters, how it is made from checked parameters and how a
 * fitted one is read back from what {@link Detector.Fitted#write} wrote. A module lists its kinds in
 * {@link org.imbalanced4j.learn.LearnerProvider#detectors()}.
 */
public record DetectorKind(String name, String description, List<Param> params, Factory factory, Reader reader) {
  /** Copies the parameter list. */
  public DetectorKind {
    params = List.copyOf(params);
  }

  /** Makes a detector from checked parameters; invalid values throw with the parameter's name. */
  @FunctionalInterface
  public interface Factory {
    /** A detector from checked parameters. */
    Detector create(Params p);
  }

  /** Reads a fitted detector of {@code width} inputs. */
  @FunctionalInterface
  public interface Reader {
    /** A fitted detector read back from what it wrote, for rows of {@code width} features. */
    Detector.Fitted read(DataInputStream in, int width) throws IOException;
  }
}
