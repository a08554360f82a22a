/**
 * Imbalance metrics equal to scikit-learn's and imbalanced-learn's: confusion matrix,
 * precision/recall/F-beta with every average, balanced accuracy, G-mean, MCC, ROC and PR curves,
 * AUC, average precision, bootstrap intervals; {@link org.imbalanced4j.metrics.Evaluation} gives
 * what {@code imb evaluate} prints.
 */
package org.imbalanced4j.metrics;
