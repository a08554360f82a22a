package org.imbalanced4j.djl.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * Turns each input column into a token: {@code t_j = x_j w_j + b_j} with a learned vector pair
 * per column, so {@code (batch, columns)} becomes {@code (batch, columns, dim)} (the feature
 * tokenizer of FT-Transformer: Gorishniy, Rubachev, Khrulkov and Babenko, "Revisiting deep
 * learning models for tabular data", NeurIPS 2021).
 */
public final class FeatureTokenizer extends AbstractBlock {
  private final int columns;
  private final int dim;
  private final Parameter weight;
  private final Parameter bias;

  /** A tokenizer of {@code columns} features into tokens of width {@code dim}. */
  public FeatureTokenizer(int columns, int dim) {
    super((byte) 1);
    this.columns = columns;
    this.dim = dim;
    this.weight = addParameter(Parameter.builder().setName("weight").setType(Parameter.Type.WEIGHT)
        .optShape(new Shape(columns, dim)).build());
    this.bias = addParameter(Parameter.builder().setName("bias").setType(Parameter.Type.BIAS)
        .optShape(new Shape(columns, dim)).build());
  }

  @Override
  protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training,
      PairList<String, Object> params) {
    NDArray x = inputs.singletonOrThrow();
    NDArray w = ps.getValue(weight, x.getDevice(), training);
    NDArray b = ps.getValue(bias, x.getDevice(), training);
    return new NDList(x.expandDims(2).mul(w).add(b));
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    return new Shape[] {new Shape(inputShapes[0].get(0), columns, dim)};
  }
}
