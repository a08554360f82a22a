package org.imbalanced4j.djl.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * BBN, the bilateral-branch network (Zhou et al., "BBN: bilateral-branch network with cumulative
 * learning for long-tailed visual recognition", CVPR 2020) on ResNet-32: the layers up to the
 * last residual block are shared; a conventional and a re-balancing branch each have their own
 * last block, pooling and linear classifier. Trained on two batches at once (the second drawn by
 * a reversed sampler), it returns both branches' logits, which the training loop mixes with the
 * cumulative-learning weight {@code alpha}; given one batch (prediction), it returns {@code
 * (z_c + z_r) / 2}, the paper's {@code alpha = 0.5} at inference.
 */
public final class BilateralBranchNetwork extends AbstractBlock {
  private final Block shared;
  private final Block conventional;
  private final Block rebalancing;

  /** A BBN for {@code classes} classes with attention {@code none}, {@code se} or {@code cbam}. */
  public BilateralBranchNetwork(int classes, String attention) {
    SequentialBlock trunk = ImageNetworks.resnet(32, classes, attention, "linear");
    // resnet(32): stem (3 blocks), 15 basic blocks, pooling, linear; the last basic block, pooling and
    // linear become each branch's own
    SequentialBlock s = new SequentialBlock();
    java.util.List<Block> parts = trunk.getChildren().values();
    for (int i = 0; i < parts.size() - 3; i++) {
      s.add(parts.get(i));
    }
    this.shared = addChildBlock("shared", s);
    this.conventional = addChildBlock("conventional", ImageNetworks.branch(classes, attention));
    this.rebalancing = addChildBlock("rebalancing", ImageNetworks.branch(classes, attention));
  }

  @Override
  protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
    if (inputs.size() == 2) {
      long n = inputs.get(0).getShape().get(0);
      NDArray f = shared.forward(ps, new NDList(inputs.get(0).concat(inputs.get(1), 0)), training).singletonOrThrow();
      NDArray zc = conventional.forward(ps, new NDList(f.get("0:" + n)), training).singletonOrThrow();
      NDArray zr = rebalancing.forward(ps, new NDList(f.get(n + ":")), training).singletonOrThrow();
      return new NDList(zc, zr);
    }
    NDArray f = shared.forward(ps, inputs, training).singletonOrThrow();
    NDArray zc = conventional.forward(ps, new NDList(f), training).singletonOrThrow();
    NDArray zr = rebalancing.forward(ps, new NDList(f), training).singletonOrThrow();
    return new NDList(zc.add(zr).mul(0.5f));
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputs) {
    Shape[] f = shared.getOutputShapes(new Shape[] {inputs[0]});
    Shape out = conventional.getOutputShapes(f)[0];
    return inputs.length == 2 ? new Shape[] {out, out} : new Shape[] {out};
  }

  @Override
  protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
    shared.initialize(manager, dataType, inputShapes[0]);
    Shape[] f = shared.getOutputShapes(new Shape[] {inputShapes[0]});
    conventional.initialize(manager, dataType, f);
    rebalancing.initialize(manager, dataType, f);
  }
}
