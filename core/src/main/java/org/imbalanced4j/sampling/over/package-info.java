/**
 * Over-samplers as imbalanced-learn's {@code over_sampling}: random, SMOTE, SMOTE-NC, SMOTE-N,
 * Borderline-SMOTE, SVM-SMOTE, K-means SMOTE, ADASYN.
 */
package org.imbalanced4j.sampling.over;
