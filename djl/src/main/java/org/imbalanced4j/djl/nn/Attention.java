package org.imbalanced4j.djl.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Blocks;
import ai.djl.nn.LambdaBlock;
import ai.djl.nn.ParallelBlock;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import java.util.List;
import java.util.Locale;
import org.imbalanced4j.InvalidOptionException;

/**
 * Attention modules for convolutional feature maps {@code (n, c, h, w)}, each returning the map
 * reweighted: squeeze-and-excitation and CBAM.
 */
public final class Attention {
  /** The modules by name. */
  public static final List<String> NAMES = List.of("none", "se", "cbam");

  private Attention() {}

  /** The module of that name for maps of {@code channels} channels, or null for {@code none}. */
  public static Block of(String name, int channels) {
    return switch (name.toLowerCase(Locale.ROOT)) {
      case "none" -> null;
      case "se" -> squeezeExcitation(channels, 16);
      case "cbam" -> cbam(channels, 16);
      default -> throw InvalidOptionException.unknown("attention", name, NAMES);
    };
  }

  /**
   * Squeeze-and-excitation (Hu et al., "Squeeze-and-excitation networks", CVPR 2018): {@code x *
   * sigmoid(W2 relu(W1 avgpool(x)))} per channel, the bottleneck {@code max(4, c / r)} wide.
   */
  public static Block squeezeExcitation(int channels, int reduction) {
    SequentialBlock gate = new SequentialBlock()
        .add(new LambdaBlock(in -> new NDList(flat(in.singletonOrThrow()).mean(new int[] {2})), "squeeze"))
        .add(Linear.builder().setUnits(Math.max(4, channels / reduction)).build())
        .add(Activation.reluBlock())
        .add(Linear.builder().setUnits(channels).build())
        .add(new LambdaBlock(in -> new NDList(toMap(Activation.sigmoid(in.singletonOrThrow()))), "excite"));
    return scale(gate);
  }

  /**
   * CBAM (Woo et al., "CBAM: convolutional block attention module", ECCV 2018): channel attention
   * {@code sigmoid(MLP(avgpool(x)) + MLP(maxpool(x)))} with one shared MLP, then spatial attention
   * {@code sigmoid(conv7x7([mean_c(x); max_c(x)]))}, each multiplied into the map.
   */
  public static Block cbam(int channels, int reduction) {
    SequentialBlock channel = new SequentialBlock()
        .add(new LambdaBlock(in -> {
          NDArray x = flat(in.singletonOrThrow());
          return new NDList(x.mean(new int[] {2}).concat(x.max(new int[] {2}), 0)); // (2n, c)
        }, "avg-and-max"))
        .add(Linear.builder().setUnits(Math.max(4, channels / reduction)).build())
        .add(Activation.reluBlock())
        .add(Linear.builder().setUnits(channels).build())
        .add(new LambdaBlock(in -> {
          NDArray both = in.singletonOrThrow();
          long n = both.getShape().get(0) / 2;
          return new NDList(toMap(Activation.sigmoid(both.get("0:" + n).add(both.get(n + ":")))));
        }, "channel-gate"));
    SequentialBlock spatial = new SequentialBlock()
        .add(new LambdaBlock(in -> {
          NDArray x = in.singletonOrThrow();
          return new NDList(x.mean(new int[] {1}, true).concat(x.max(new int[] {1}, true), 1)); // (n, 2, h, w)
        }, "mean-and-max"))
        // two filters, the first used: one output channel gave NaN gradients now and then on DJL's PyTorch 2.7 CPU
        .add(Conv2d.builder().setKernelShape(new Shape(7, 7)).setFilters(2).optPadding(new Shape(3, 3))
            .optBias(false).build())
        .add(new LambdaBlock(in -> new NDList(Activation.sigmoid(in.singletonOrThrow().get(":, 0:1"))), "spatial-gate"));
    return new SequentialBlock().add(scale(channel)).add(scale(spatial));
  }

  /** A map {@code (n, c, h, w)} as {@code (n, c, h * w)}: DJL's PyTorch engine reduces one axis at a time. */
  private static NDArray flat(NDArray x) {
    Shape s = x.getShape();
    return x.reshape(s.get(0), s.get(1), -1);
  }

  /** {@code (n, c)} gates as {@code (n, c, 1, 1)}, to multiply into a map. */
  private static NDArray toMap(NDArray gates) {
    Shape s = gates.getShape();
    return gates.reshape(s.get(0), s.get(1), 1, 1);
  }

  /** {@code x * gate(x)}. */
  private static Block scale(Block gate) {
    return new ParallelBlock(list -> new NDList(list.get(0).singletonOrThrow().mul(list.get(1).singletonOrThrow())),
        List.of(Blocks.identityBlock(), gate));
  }
}
