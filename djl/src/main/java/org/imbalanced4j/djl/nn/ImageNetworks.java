package org.imbalanced4j.djl.nn;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Blocks;
import ai.djl.nn.ParallelBlock;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.nn.norm.Dropout;
import ai.djl.nn.pooling.Pool;
import java.util.List;

/** Networks for images, {@code (n, channels, height, width)} in, one logit per class out. */
public final class ImageNetworks {
  private ImageNetworks() {}

  /**
   * A small CNN: two stages of two 3x3 convolutions (32, then 64 filters; batch normalisation and
   * ReLU after each; then the attention module, if any) closed by 2x2 max pooling, global average
   * pooling, dropout, and the classifier: a linear layer, or with {@code head} {@code cosine} a
   * {@link CosineClassifier}.
   */
  public static SequentialBlock cnn(int classes, float dropout, String attention, String head) {
    SequentialBlock b = new SequentialBlock();
    for (int filters : new int[] {32, 64}) {
      b.add(conv(filters, 3, 1)).add(BatchNorm.builder().build()).add(Activation.reluBlock());
      b.add(conv(filters, 3, 1)).add(BatchNorm.builder().build()).add(Activation.reluBlock());
      Block a = Attention.of(attention, filters);
      if (a != null) {
        b.add(a);
      }
      b.add(Pool.maxPool2dBlock(new Shape(2, 2)));
    }
    return head(b, classes, dropout, head);
  }

  /**
   * The CIFAR ResNet of He et al. ("Deep residual learning for image recognition", CVPR 2016,
   * section 4.2), as the long-tailed literature trains it (Cao et al. 2019, ResNet-32): a 3x3
   * convolution with 16 filters, then three stages of {@code n = (depth - 2) / 6} basic blocks with
   * 16, 32 and 64 filters (the first block of the second and third stage halves the resolution,
   * its shortcut a 1x1 convolution with batch normalisation), global average pooling and a linear
   * layer (or with {@code head} {@code cosine} a {@link CosineClassifier}, as Cao et al. train
   * LDAM). An attention module, if any, reweights each block's residual branch before the sum, as
   * SE-ResNet and CBAM place it.
   */
  public static SequentialBlock resnet(int depth, int classes, String attention, String head) {
    if (depth < 8 || (depth - 2) % 6 != 0) {
      throw new IllegalArgumentException("a CIFAR ResNet has depth 6n + 2 (20, 32, 44, 56, 110), got " + depth);
    }
    int n = (depth - 2) / 6;
    SequentialBlock b = new SequentialBlock();
    b.add(conv(16, 3, 1)).add(BatchNorm.builder().build()).add(Activation.reluBlock());
    int in = 16;
    for (int stage = 0; stage < 3; stage++) {
      int filters = 16 << stage;
      for (int i = 0; i < n; i++) {
        int stride = stage > 0 && i == 0 ? 2 : 1;
        b.add(basicBlock(in, filters, stride, attention));
        in = filters;
      }
    }
    return head(b, classes, 0, head);
  }

  /** A BBN branch: a last basic block of 64 filters, global average pooling and a linear layer. */
  static SequentialBlock branch(int classes, String attention) {
    return head(new SequentialBlock().add(basicBlock(64, 64, 1, attention)), classes, 0, "linear");
  }

  /** {@code relu(F(x) + shortcut(x))}, F two 3x3 convolutions with batch normalisation. */
  static Block basicBlock(int in, int out, int stride, String attention) {
    SequentialBlock body = new SequentialBlock()
        .add(conv(out, 3, stride)).add(BatchNorm.builder().build()).add(Activation.reluBlock())
        .add(conv(out, 3, 1)).add(BatchNorm.builder().build());
    Block a = Attention.of(attention, out);
    if (a != null) {
      body.add(a);
    }
    Block shortcut = stride == 1 && in == out ? Blocks.identityBlock()
        : new SequentialBlock().add(conv(out, 1, stride)).add(BatchNorm.builder().build());
    return new ParallelBlock(list -> new NDList(Activation.relu(
        list.get(0).singletonOrThrow().add(list.get(1).singletonOrThrow()))), List.of(body, shortcut));
  }

  /**
   * Gives every weight (convolutions, linear layers) PyTorch's default initialisation, {@code
   * kaiming_uniform_(a = sqrt(5))}: uniform in {@code [-1/sqrt(fan_in), 1/sqrt(fan_in)]}. DJL's
   * default (Xavier, average fan, magnitude 6) is 2.4 times wider for a 3x3 convolution; behind
   * batch normalisation the scale of a weight sets its effective step (Adam moves each weight by
   * about the rate, whatever its size), and with DJL's scale ResNet-32 generalised 5 points of
   * balanced accuracy worse on long-tailed Fashion-MNIST at the same training loss.
   */
  public static <B extends Block> B torchInit(B block) {
    block.setInitializer(new ai.djl.training.initializer.XavierInitializer(
        ai.djl.training.initializer.XavierInitializer.RandomType.UNIFORM,
        ai.djl.training.initializer.XavierInitializer.FactorType.IN, 1f), ai.djl.nn.Parameter.Type.WEIGHT);
    return block;
  }

  private static Conv2d conv(int filters, int kernel, int stride) {
    return Conv2d.builder().setKernelShape(new Shape(kernel, kernel)).setFilters(filters)
        .optStride(new Shape(stride, stride)).optPadding(new Shape(kernel / 2, kernel / 2)).optBias(false).build();
  }

  private static SequentialBlock head(SequentialBlock b, int classes, float dropout, String head) {
    b.add(Pool.globalAvgPool2dBlock());
    if (dropout > 0) {
      b.add(Dropout.builder().optRate(dropout).build());
    }
    return b.add(head.equals("cosine") ? new CosineClassifier(classes, CosineClassifier.SCALE)
        : Linear.builder().setUnits(classes).build());
  }
}
