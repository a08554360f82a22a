package org.imbalanced4j.djl.nn;

import ai.djl.ndarray.NDList;
import ai.djl.nn.Activation;
import ai.djl.nn.LambdaBlock;
import ai.djl.nn.transformer.TransformerEncoderBlock;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.nn.norm.Dropout;

/** Networks for tables of numbers. */
public final class TabularNetworks {
  private TabularNetworks() {}

  /**
   * A multilayer perceptron: for each hidden width, Linear, batch normalisation (Ioffe and
   * Szegedy, ICML 2015), ReLU and dropout (Srivastava et al., JMLR 15, 2014); then a Linear
   * layer giving one logit per class.
   */
  public static SequentialBlock mlp(int classes, int[] hidden, float dropout) {
    SequentialBlock b = new SequentialBlock();
    for (int h : hidden) {
      b.add(Linear.builder().setUnits(h).build());
      b.add(BatchNorm.builder().build());
      b.add(Activation.reluBlock());
      if (dropout > 0) {
        b.add(Dropout.builder().optRate(dropout).build());
      }
    }
    b.add(Linear.builder().setUnits(classes).build());
    return b;
  }

  /**
   * An attention network after FT-Transformer (Gorishniy et al., NeurIPS 2021): every input column
   * becomes a token ({@link FeatureTokenizer}), {@code layers} transformer encoder blocks
   * (multi-head self-attention over the columns, Vaswani et al., NeurIPS 2017) mix them, and the
   * mean token feeds a linear layer with one logit per class.
   */
  public static SequentialBlock attention(int columns, int classes, int dim, int heads, int layers,
      float dropout) {
    SequentialBlock b = new SequentialBlock();
    b.add(new FeatureTokenizer(columns, dim));
    for (int i = 0; i < layers; i++) {
      b.add(new TransformerEncoderBlock(dim, heads, 2 * dim, dropout, Activation::relu));
    }
    b.add(new LambdaBlock(in -> new NDList(in.singletonOrThrow().mean(new int[] {1})), "mean-token"));
    b.add(Linear.builder().setUnits(classes).build());
    return b;
  }
}
