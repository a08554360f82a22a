package org.imbalanced4j.djl.training;

import ai.djl.ndarray.NDArray;
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

  private Adam(boolean adaptive, float beta1, float beta2, float eps, float weightDecay) {
    this.adaptive = adaptive;
    this.beta1 = beta1;
    this.beta2 = beta2;
    this.eps = eps;
    this.weightDecay = weightDecay;
  }

  public static Adam adam(double weightDecay) {
    return new Adam(true, 0.9f, 0.999f, 1e-8f, (float) weightDecay);
  }

  public static Adam sgd(double momentum, double weightDecay) {
    return new Adam(false, (float) momentum, 0f, 0f, (float) weightDecay);
  }

  /**
   * One update of the parameters (whose gradients are set) with learning rate {@code lr}; the
   * moments are updated in place and every temporary array is freed.
   */
  public void step(NDManager manager, List<NDArray> params, float lr) {
    if (m == null) {
      m = new NDList();
      v = new NDList();
      for (NDArray p : params) {
        m.add(p.zerosLike());
        v.add(p.zerosLike());
      }
    }
    t++;
    float c1 = (float) (1 - Math.pow(beta1, t));
    float c2 = (float) (1 - Math.pow(beta2, t));
    for (int i = 0; i < params.size(); i++) {
      try (NDManager tmp = manager.newSubManager()) {
        NDArray w = params.get(i);
        NDArray g = temp(w.getGradient(), tmp); // a new handle on the base manager otherwise: one per step
        NDArray mi = m.get(i);
        if (adaptive) {
          mi.muli(beta1).addi(temp(g.mul(1 - beta1), tmp));
          NDArray vi = v.get(i);
          vi.muli(beta2).addi(temp(g.square(), tmp).muli(1 - beta2));
          NDArray den = temp(temp(vi.div(c2), tmp).sqrt(), tmp).addi(eps);
          NDArray update = temp(mi.div(c1), tmp).divi(den).muli(lr);
          if (weightDecay > 0) {
            update.addi(temp(w.mul(lr * weightDecay), tmp));
          }
          w.subi(update);
        } else {
          NDArray grad = weightDecay > 0 ? temp(g.add(temp(w.mul(weightDecay), tmp)), tmp) : g;
          mi.muli(beta1).addi(grad);
          w.subi(temp(mi.mul(lr), tmp));
        }
      }
    }
  }

  private static NDArray temp(NDArray a, NDManager tmp) {
    a.attach(tmp);
    return a;
  }

  /** The state to checkpoint: the step count and the moments. */
  public NDList state(NDManager manager) {
    NDList s = new NDList();
    s.add(manager.create(new int[] {t}));
    if (m != null) {
      s.addAll(m);
      s.addAll(v);
    }
    return s;
  }

  /** Restores {@link #state}, the arrays moved to {@code manager}. */
  public void restore(NDList s, NDManager manager) {
    t = s.get(0).toIntArray()[0];
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
