package org.imbalanced4j.djl.training;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import java.util.List;

/**
 * Adam (Kingma and Ba, "Adam: a method for stochastic optimization", ICLR 2015), with optional
 * decoupled weight decay (Loshchilov and Hutter, ICLR 2019) and plain SGD with momentum as the
 * special case {@code beta2 = 0, adaptive = false}. Its state (moments, step) is an {@link NDList}
 * that checkpoints save, so a resumed run continues exactly.
 *
 * <p>Adam: {@code m = b1 m + (1 - b1) g; v = b2 v + (1 - b2) g^2; w -= lr (m / (1 - b1^t)) /
 * (sqrt(v / (1 - b2^t)) + eps)}. SGD: {@code m = mu m + g + wd w; w -= lr m}.
 */
public final class Adam {
  private final boolean adaptive;
  private final float beta1;
  private final float beta2;
  private final float eps;
  private final float weightDecay;
  private NDList m;
  private NDList v;
  private int t;
  /** SGD: the rate the momentum is scaled by (libtorch's kernel accumulates {@code lr * g}). */
  private float momentumRate = 1;

  private Adam(boolean adaptive, float beta1, float beta2, float eps, float weightDecay) {
    this.adaptive = adaptive;
    this.beta1 = beta1;
    this.beta2 = beta2;
    this.eps = eps;
    this.weightDecay = weightDecay;
  }

  /** Adam (Kingma and Ba 2015) with PyTorch's defaults and this L2 weight decay. */
  public static Adam adam(double weightDecay) {
    return new Adam(true, 0.9f, 0.999f, 1e-8f, (float) weightDecay);
  }

  /** SGD with momentum and L2 weight decay, as PyTorch's {@code SGD}. */
  public static Adam sgd(double momentum, double weightDecay) {
    return new Adam(false, (float) momentum, 0f, 0f, (float) weightDecay);
  }

  /**
   * One update of the parameters (whose gradients are set) with learning rate {@code lr}, each in
   * one native call of libtorch (DJL's fused {@code adamUpdate} / {@code sgdUpdate}), which then
   * zeroes the parameter's gradient for the next backward pass. For Adam the bias corrections go
   * into the rate and epsilon ({@code lr sqrt(c2) / c1} and {@code eps sqrt(c2)}), which gives
   * PyTorch's formula exactly; for SGD the native kernel keeps the momentum scaled by the rate, so
   * it is rescaled when the rate changes and {@link #state} divides it out again.
   *
   * <p>A gradient that is not finite anywhere (NaN or infinity in any parameter's gradient, which a
   * finite loss can still give) makes no update at all: the gradients are zeroed, the moments and
   * step count stay, and this returns false, as PyTorch's {@code GradScaler} skips such steps.
   */
  public boolean step(List<NDArray> params, float lr) {
    float[] ones = new float[params.size()];
    java.util.Arrays.fill(ones, 1f);
    return step(params, ones, lr);
  }

  /** As {@link #step(List, float)}, parameter {@code i} with rate {@code lr * scales[i]}. */
  public boolean step(List<NDArray> params, float[] scales, float lr) {
    if (!finiteGradients(params)) {
      for (NDArray w : params) {
        if (w.hasGradient()) {
          ai.djl.pytorch.jni.JniUtils.zeroGrad((ai.djl.pytorch.engine.PtNDArray) w);
        }
      }
      return false;
    }
    if (m == null) {
      m = new NDList();
      v = new NDList();
      for (NDArray p : params) {
        m.add(p.zerosLike());
        v.add(p.zerosLike());
      }
    }
    t++;
    double c1 = 1 - Math.pow(beta1, t);
    double c2 = 1 - Math.pow(beta2, t);
    if (!adaptive && lr != momentumRate) {
      float ratio = lr / momentumRate;
      m.forEach(a -> a.muli(ratio));
      momentumRate = lr;
    }
    for (int i = 0; i < params.size(); i++) {
      NDArray w = params.get(i);
      float r = lr * scales[i];
      try (NDArray g = w.getGradient()) { // zeros when the backward pass did not reach w
        NDList one = new NDList(w);
        if (adaptive) {
          w.getNDArrayInternal().adamUpdate(new NDList(w, g, m.get(i), v.get(i)), one, r,
              (float) (r * Math.sqrt(c2) / c1), weightDecay, 1f, -1f, beta1, beta2, (float) (eps * Math.sqrt(c2)),
              false, true);
        } else {
          w.getNDArrayInternal().sgdUpdate(new NDList(w, g, m.get(i)), one, r, weightDecay, 1f, -1f, beta1, false);
        }
      }
    }
    return true;
  }

  /** Whether every gradient is finite: the sum of all of them is, in one transfer to Java. */
  private static boolean finiteGradients(List<NDArray> params) {
    try (NDManager scratch = params.get(0).getManager().newSubManager()) {
      NDList sums = new NDList(params.size());
      for (NDArray w : params) {
        if (w.hasGradient()) {
          try (NDArray g = w.getGradient()) {
            NDArray sum = g.sum();
            sum.attach(scratch);
            sums.add(sum);
          }
        }
      }
      return sums.isEmpty() || Float.isFinite(NDArrays.stack(sums).sum().getFloat());
    }
  }

  /**
   * The state to checkpoint: the step count and the moments (SGD's momentum without the rate),
   * new arrays in {@code manager}.
   */
  public NDList state(NDManager manager) {
    NDList s = new NDList();
    s.add(manager.create(new int[] {t}));
    if (m != null) {
      for (NDArray a : m) {
        NDArray copy = adaptive ? a : a.div(momentumRate);
        if (!adaptive) {
          copy.attach(manager); // freed with the caller's manager
        }
        s.add(copy);
      }
      s.addAll(v);
    }
    return s;
  }

  /** Restores {@link #state}, the arrays moved to {@code manager}. */
  public void restore(NDList s, NDManager manager) {
    t = s.get(0).toIntArray()[0];
    momentumRate = 1;
    int k = (s.size() - 1) / 2;
    if (k == 0) {
      m = null;
      v = null;
      return;
    }
    m = new NDList();
    v = new NDList();
    for (int i = 0; i < k; i++) {
      m.add(s.get(1 + i).duplicate());
      v.add(s.get(1 + k + i).duplicate());
    }
    m.forEach(a -> a.attach(manager));
    v.forEach(a -> a.attach(manager));
  }
}
