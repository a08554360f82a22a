package org.imbalanced4j.djl.nn;

import ai.djl.nn.Activation;
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
}
