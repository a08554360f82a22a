/**
 * Exact imbalance metrics of Spark predictions (AUC, average precision, the confusion matrix).
 *
 * @serial exclude
 */
package org.imbalanced4j.spark.metrics;
