/**
 * From probabilities to classes: decision rules (argmax, a tuned threshold, per-class offsets, a
 * cost matrix) and threshold selection (F-beta, Youden's J, G-mean, MCC, cost).
 */
package org.imbalanced4j.threshold;
