/**
 * Over-sampling followed by cleaning: SMOTE + Tomek links and SMOTE + ENN, as imbalanced-learn's
 * {@code combine} module.
 */
package org.imbalanced4j.sampling.combine;
