/**
 * Anomaly detectors for "the rare class as an anomaly": Isolation Forest and One-Class SVM as
 * scikit-learn defines them, fitted on the majority rows and scored on every row.
 */
package org.imbalanced4j.anomaly;
