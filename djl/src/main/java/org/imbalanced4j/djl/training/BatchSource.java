package org.imbalanced4j.djl.training;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/**
 * Rows as a network takes them: row indices become the input tensors of a batch. The training
 * loop knows only this, so a table ({@link TabularBatches}) and images are two sources of one loop.
 * A source may transform batches while training (augmentation); it never does when predicting.
 */
public interface BatchSource {
  /** Number of rows. */
  int size();

  /** The class of each row. */
  int[] labels();

  /** The shape of a batch of {@code n} rows' inputs, to initialise a network with. */
  Shape inputShape(int n);

  /**
   * The inputs of {@code rows}, created in {@code manager}.
   *
   * @param training whether the batch is for a training step (a source may then transform it,
   *     seeded by {@code seed}); false for prediction
   */
  NDList inputs(NDManager manager, int[] rows, boolean training, long seed);
}
