/**
 * Anomaly detectors on DJL: an autoencoder's reconstruction error and Deep SVDD.
 */
package org.imbalanced4j.djl.anomaly;
