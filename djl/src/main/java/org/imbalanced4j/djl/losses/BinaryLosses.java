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
        NDArray one = Constants.of(x, 1);
        NDArray p = one.div(one.add(x.neg().exp()));
        NDArray pt = p.mul(t).add(one.sub(p).mul(one.sub(t)));
        NDArray loss = ce.mul(one.sub(pt).pow(Constants.of(x, gamma)));
        if (alpha >= 0) {
          loss = loss.mul(t.mul(Constants.of(x, alpha)).add(one.sub(t).mul(Constants.of(x, 1 - alpha))));
        }
        return loss.mean();
      }
    };
  }

  /** Per-row BCE with logits, stable: {@code (1 - t) x + (1 + (w - 1) t)(log(1 + e^-|x|) + max(-x, 0))}. */
  static NDArray bceTerms(NDArray x, NDArray t, float posWeight) {
    NDArray one = Constants.of(x, 1);
    NDArray softplus = one.add(x.abs().neg().exp()).log().add(x.neg().maximum(Constants.of(x, 0)));
    NDArray coef = one.add(t.mul(Constants.of(x, posWeight - 1)));
    return one.sub(t).mul(x).add(coef.mul(softplus));
  }
}
