package org.imbalanced4j.djl.losses;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;
import ai.djl.training.loss.Loss;

/**
 * A loss of raw logits (no softmax applied by the model) and class labels, averaged over the
 * batch as PyTorch's {@code reduction="mean"}. Subclasses give the batch value from the logits
 * {@code (N, K)} and labels {@code (N)} as int64.
 */
public abstract class LogitLoss extends Loss {
  /** A loss of this name. */
  protected LogitLoss(String name) {
    super(name);
  }

  @Override
  public NDArray evaluate(NDList labels, NDList predictions) {
    NDArray logits = predictions.singletonOrThrow();
    NDArray y = labels.singletonOrThrow();
    return compute(logits, y.getDataType() == DataType.INT64 ? y : y.toType(DataType.INT64, false));
  }

  /** The mean loss of the batch. */
  protected abstract NDArray compute(NDArray logits, NDArray labels);

  /** One-hot rows of the labels, float, shape (N, K). */
  static NDArray oneHot(NDArray labels, int k) {
    return labels.oneHot(k).toType(DataType.FLOAT32, false);
  }

  /**
   * Cross-entropy of logits as PyTorch's {@code cross_entropy(weight, label_smoothing)}: with
   * class weights the mean is weighted by the true classes' weights.
   */
  static NDArray crossEntropy(NDArray logits, NDArray labels, float[] weights, float smoothing) {
    int k = (int) logits.getShape().get(1);
    NDArray logp = logits.logSoftmax(1);
    NDArray oh = oneHot(labels, k);
    NDArray nll = oh.mul(logp).sum(new int[] {1}).neg();
    NDArray smooth = smoothing > 0 ? logp.sum(new int[] {1}).neg() : null;
    NDArray loss;
    if (weights == null) {
      loss = nll.mean();
      if (smooth != null) {
        loss = loss.mul(Constants.of(logits, 1 - smoothing))
            .add(smooth.mean().mul(Constants.of(logits, smoothing / k)));
      }
      return loss;
    }
    NDArray w = logits.getManager().create(weights);
    NDArray wy = oh.mul(w).sum(new int[] {1});
    NDArray denom = wy.sum();
    loss = wy.mul(nll).sum().div(denom);
    if (smoothing > 0) {
      NDArray ws = logp.mul(w).sum(new int[] {1}).neg();
      loss = loss.mul(Constants.of(logits, 1 - smoothing))
          .add(ws.sum().div(denom).mul(Constants.of(logits, smoothing / k)));
    }
    return loss;
  }

  static float[] toFloat(double[] a) {
    if (a == null) {
      return null;
    }
    float[] f = new float[a.length];
    for (int i = 0; i < a.length; i++) {
      f[i] = (float) a[i];
    }
    return f;
  }
}
