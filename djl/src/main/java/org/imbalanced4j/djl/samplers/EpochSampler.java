package org.imbalanced4j.djl.samplers;

import ai.djl.training.dataset.RandomAccessDataset;
import ai.djl.training.dataset.Sampler;
import java.util.Iterator;

/**
 * Which row indices one training epoch visits, in order. Indices, not copies: the trainer turns
 * batches of them into tensors. Deterministic for a seed and an epoch number, so a resumed run
 * sees the same epochs.
 */
public interface EpochSampler {
  /** The indices of epoch {@code epoch} (0-based). */
  int[] epoch(int epoch);

  /**
   * This sampler as a DJL {@link Sampler.SubSampler}: each call of {@code sample} starts the next
   * epoch. Wrap it in a {@link ai.djl.training.dataset.BatchSampler} for batches.
   */
  default Sampler.SubSampler asDjl() {
    EpochSampler self = this;
    return new Sampler.SubSampler() {
      private int next;

      @Override
      public Iterator<Long> sample(RandomAccessDataset dataset) {
        int[] idx = self.epoch(next++);
        return java.util.Arrays.stream(idx).mapToLong(i -> i).iterator();
      }
    };
  }
}
