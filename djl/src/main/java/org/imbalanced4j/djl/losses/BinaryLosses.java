package org.imbalanced4j.djl.losses;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;
import ai.djl.training.loss.Loss;

/**
 * Losses of one logit per row and 0/1 targets: binary cross-entropy with {@code pos_weight}
 * (PyTorch's {@code BCEWithLogitsLoss}) and the sigmoid focal loss (torchvision's {@code
 * sigmoid_focal_loss}: {@code alpha_t (1 - p_t)^gamma BCE}, {@code alpha < 0} for no alpha).
 */
public final class BinaryLosses {
  private BinaryLosses() {}

  /** {@code mean(-(w_pos t log s(x) + (1 - t) log(1 - s(x))))}. */
  public static Loss bce(double posWeight) {
    return new Loss("BCE") {
      @Override
      public NDArray evaluate(NDList labels, NDList predictions) {
        NDArray x = predictions.singletonOrThrow().flatten();
        NDArray t = labels.singletonOrThrow().toType(DataType.FLOAT32, false).flatten();
        return bceTerms(x, t, (float) posWeight).mean();
      }
    };
  }

  /** Sigmoid focal loss of Lin et al. (ICCV 2017), mean over rows. */
  public static Loss focal(double alpha, double gamma) {
    return new Loss("BinaryFocal") {
      @Override
      public NDArray evaluate(NDList labels, NDList predictions) {
        NDArray x = predictions.singletonOrThrow().flatten();
        NDArray t = labels.singletonOrThrow().toType(DataType.FLOAT32, false).flatten();
        NDArray ce = bceTerms(x, t, 1f);
        NDArray p = x.neg().exp().add(1).pow(-1);
        NDArray pt = p.mul(t).add(p.neg().add(1).mul(t.neg().add(1)));
        NDArray loss = ce.mul(pt.neg().add(1).pow((float) gamma));
        if (alpha >= 0) {
          loss = loss.mul(t.mul((float) alpha).add(t.neg().add(1).mul((float) (1 - alpha))));
        }
        return loss.mean();
      }
    };
  }

  /** Per-row BCE with logits, stable: {@code (1 - t) x + (1 + (w - 1) t)(log(1 + e^-|x|) + max(-x, 0))}. */
  static NDArray bceTerms(NDArray x, NDArray t, float posWeight) {
    NDArray softplus = x.abs().neg().exp().add(1).log().add(x.neg().maximum(0));
    NDArray coef = t.mul(posWeight - 1).add(1);
    return t.neg().add(1).mul(x).add(coef.mul(softplus));
  }
}
