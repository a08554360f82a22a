package org.imbalanced4j.sampling;

import java.util.Arrays;
import java.util.Optional;
import org.imbalanced4j.data.Dataset;

/**
 * What a sampler returns: the resampled data and, for every output row, the input row it is
 * ({@code -1} for a synthetic row). Immutable; arrays are copied out.
 *
 * <p>{@link #sampleIndices()} is imbalanced-learn's {@code sample_indices_}: present when every
 * output row is an input row (under-, cleaning and random over-samplers).
 */
public final class Resampled {
  private final Dataset data;
  private final int[] source;

  /** A resampled dataset and the input row of each output row (-1 for a synthetic row). */
  public Resampled(Dataset data, int[] source) {
    if (source.length != data.rows()) {
      throw new IllegalArgumentException(source.length + " sources for " + data.rows() + " rows");
    }
    this.data = data;
    this.source = source.clone();
  }

  /** The resampled rows. */
  public Dataset data() {
    return data;
  }

  /** For each output row, the input row it copies, or -1 when it is synthetic. */
  public int[] source() {
    return source.clone();
  }

  /** The input rows kept, in output order, when no output row is synthetic. */
  public Optional<int[]> sampleIndices() {
    return syntheticRows() == 0 ? Optional.of(source.clone()) : Optional.empty();
  }

  /** The number of synthetic rows. */
  public int syntheticRows() {
    return (int) Arrays.stream(source).filter(s -> s < 0).count();
  }

  @Override
  public String toString() {
    return "Resampled[" + data + ", synthetic=" + syntheticRows() + "]";
  }
}
