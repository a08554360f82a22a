package org.imbalanced4j.djl.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * A classifier of cosines: {@code z_c = <x / |x|, w_c / |w_c|>}, each norm at least {@code 1e-12}
 * ({@code F.normalize}), no bias. The logits lie in [-1, 1]; the loss scales them (LDAM's {@code
 * s = 30}). Cao et al. ("Learning imbalanced datasets with label-distribution-aware margin loss",
 * NeurIPS 2019) train LDAM on it: the margins then act on angles, not on a norm the network can
 * grow instead.
 */
public final class CosineLinear extends AbstractBlock {
  private final int classes;
  private final Parameter weight;

  public CosineLinear(int classes) {
    super((byte) 1);
    this.classes = classes;
    this.weight = addParameter(Parameter.builder().setName("weight").setType(Parameter.Type.WEIGHT).build());
  }

  @Override
  public void prepare(Shape[] inputShapes) {
    weight.setShape(new Shape(classes, inputShapes[0].get(inputShapes[0].dimension() - 1)));
  }

  @Override
  protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training,
      PairList<String, Object> params) {
    NDArray x = inputs.singletonOrThrow();
    NDArray w = ps.getValue(weight, x.getDevice(), training);
    NDArray xn = x.div(x.norm(new int[] {1}, true).maximum(1e-12f));
    NDArray wn = w.div(w.norm(new int[] {1}, true).maximum(1e-12f));
    return new NDList(xn.matMul(wn.transpose()));
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    return new Shape[] {new Shape(inputShapes[0].get(0), classes)};
  }
}
