package org.imbalanced4j.djl.training;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.imbalanced4j.data.Dataset;
import org.imbalanced4j.model.Standardizer;

/** The rows of a table, standardised ({@link Standardizer}), as {@code (n, width)} float tensors. */
public record TabularBatches(Dataset data, Standardizer standardizer) implements BatchSource {
  @Override
  public int size() {
    return data.rows();
  }

  @Override
  public int[] labels() {
    return data.labels();
  }

  @Override
  public Shape inputShape(int n) {
    return new Shape(n, standardizer.width());
  }

  @Override
  public NDList inputs(NDManager manager, int[] rows, boolean training, long seed) {
    return new NDList(manager.create(standardizer.transform(data, rows), inputShape(rows.length)));
  }
}
