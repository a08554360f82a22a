package org.imbalanced4j.djl.training;

/**
 * One epoch of training.
 *
 * @param epoch 0-based
 * @param loss mean training loss over the epoch's batches
 * @param metric the validation metric, NaN without validation rows
 * @param learningRate the rate at the epoch's last step
 * @param seconds wall time of the epoch
 * @param phase 0 for the loss, 1 for the deferred loss ({@link TrainingLoop.Builder#optDeferredLoss})
 * @param metricName the validation metric's {@link ValidationMetric#key}, the one chosen for {@code auto}
 */
public record EpochLog(int epoch, double loss, double metric, double learningRate, double seconds, int phase,
    String metricName) {
  /** The fields as written to {@code history.jsonl} and {@code log.jsonl}: epochs 1-based, as printed. */
  public java.util.Map<String, Object> toJson() {
    java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
    m.put("epoch", epoch + 1);
    m.put("loss", loss);
    m.put("metric", Double.isNaN(metric) ? null : metric);
    m.put("metric_name", metricName);
    m.put("learning_rate", learningRate);
    m.put("seconds", seconds);
    m.put("phase", phase);
    return m;
  }
}
