package org.imbalanced4j.djl.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * A cosine classifier: the logit of class {@code c} is {@code s cos(x, w_c) = s (x / |x|) . (w_c /
 * |w_c|)}, features and class weights each scaled to unit length ({@code F.normalize}, lengths
 * floored at 1e-12), with no bias. The classifier of LDAM (Cao, Wei, Gaidon, Arechiga and Ma,
 * "Learning imbalanced datasets with label-distribution-aware margin loss", NeurIPS 2019: their
 * {@code NormedLinear}, after Wang et al.'s normalised softmax): a margin subtracted from a cosine
 * keeps its meaning, where a linear layer could grow its logits until any margin is negligible.
 * The scale {@code s} is part of the layer, so its logits are the loss's and softmax of them a
 * probability, at training and at prediction.
 */
public final class CosineClassifier extends AbstractBlock {
  /** LDAM's scale {@code s}, as Cao et al. train CIFAR. */
  public static final float SCALE = 30f;

  private final int classes;
  private final float scale;
  private final Parameter weight;

  /** A classifier of {@code classes} logits, each {@code scale} times a cosine. */
  public CosineClassifier(int classes, float scale) {
    super((byte) 1);
    this.classes = classes;
    this.scale = scale;
    this.weight = addParameter(Parameter.builder().setName("weight").setType(Parameter.Type.WEIGHT).build());
  }

  @Override
  protected void prepare(Shape[] inputShapes) {
    Shape in = inputShapes[0];
    weight.setShape(new Shape(classes, in.size() / in.get(0)));
  }

  @Override
  protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training,
      PairList<String, Object> params) {
    NDArray x = inputs.singletonOrThrow();
    x = x.reshape(x.getShape().get(0), -1);
    NDArray w = ps.getValue(weight, x.getDevice(), training);
    NDArray xn = x.div(x.norm(new int[] {1}, true).maximum(1e-12f));
    NDArray wn = w.div(w.norm(new int[] {1}, true).maximum(1e-12f));
    return new NDList(xn.matMul(wn.transpose()).mul(scale));
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    return new Shape[] {new Shape(inputShapes[0].get(0), classes)};
  }
}
