package org.imbalanced4j.sampling;

import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.imbalanced4j.InvalidOptionException;
import org.imbalanced4j.data.Dataset;
import org.imbalanced4j.data.Schema;
import org.imbalanced4j.random.NumpyRandom;
import org.imbalanced4j.sampling.under.RandomUnderSampler;

/**
 * Balanced mini-batches of row indices, as imbalanced-learn's {@code balanced_batch_generator}:
 * a sampler that selects rows (by default random under-sampling) balances the data once, the kept
 * indices are shuffled, and each epoch walks them in batches of {@code batch_size} (the last one
 * may be smaller). Batches are indices, not copies, so any data, tabular or not, can be batched;
 * {@link Builder#forLabels} needs only the labels.
 *
 * <pre>{@code
 * BalancedBatches b = BalancedBatches.builder().optBatchSize(64).optSeed(1).build(dataset);
 * for (int[] batch : b) { ... dataset.subset(batch) ... }
 * }</pre>
 */
public final class BalancedBatches implements Iterable<int[]> {
  private final int[] indices;
  private final int batchSize;

  private BalancedBatches(int[] indices, int batchSize) {
    this.indices = indices;
    this.batchSize = batchSize;
  }

  /** A builder with the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** The kept row indices in their shuffled order. */
  public int[] indices() {
    return indices.clone();
  }

  /** Full batches per epoch ({@code steps_per_epoch}). */
  public int stepsPerEpoch() {
    return indices.length / batchSize;
  }

  /** One epoch's batches. */
  @Override
  public Iterator<int[]> iterator() {
    return new Iterator<>() {
      private int at;

      @Override
      public boolean hasNext() {
        return at < indices.length;
      }

      @Override
      public int[] next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        int[] b = Arrays.copyOfRange(indices, at, Math.min(indices.length, at + batchSize));
        at += batchSize;
        return b;
      }
    };
  }

  /** Builder: {@code optSampler} (random under-sampling), {@code optBatchSize} (32), {@code optSeed} (0). */
  public static final class Builder {
    private Sampler sampler;
    private int batchSize = 32;
    private long seed;

    /** Sets imbalanced-learn's {@code sampler}. */
    public Builder optSampler(Sampler sampler) {
      this.sampler = sampler;
      return this;
    }

    /** Sets imbalanced-learn's {@code batch_size}. */
    public Builder optBatchSize(int batchSize) {
      if (batchSize < 1) {
        throw new InvalidOptionException("batch_size must be at least 1, got " + batchSize);
      }
      this.batchSize = batchSize;
      return this;
    }

    /** Sets the random seed: the same seed gives the same result. */
    public Builder optSeed(long seed) {
      this.seed = seed;
      return this;
    }

    /** Balanced batches over the rows of {@code data}. */
    public BalancedBatches build(Dataset data) {
      Sampler s = sampler != null ? sampler : RandomUnderSampler.builder().optSeed(seed).build();
      Resampled r = s.fitResample(data);
      int[] idx = r.sampleIndices().orElseThrow(() -> new InvalidOptionException(s.name()
          + " creates synthetic rows; balanced batches need a sampler that selects rows"));
      new NumpyRandom(seed).shuffle(idx);
      return new BalancedBatches(idx, batchSize);
    }

    /** Balanced batches from labels alone (classes {@code 0..classNames.size()-1}). */
    public BalancedBatches forLabels(int[] labels, List<String> classNames) {
      Dataset d = Dataset.builder(Schema.numeric(0, "label", classNames))
          .setValues(new float[0], labels.length).setLabels(labels.clone()).build();
      return build(d);
    }
  }
}
