/**
 * Models and trainers: the {@link org.imbalanced4j.model.Trainer} / {@link
 * org.imbalanced4j.model.Model} contract, logistic regression solved to scikit-learn's optimum,
 * k-nearest neighbours, calibration and standardisation.
 */
package org.imbalanced4j.model;
