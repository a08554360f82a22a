/**
 * Stratified splits with scikit-learn's indices for the same seed: {@code train_test_split},
 * {@code StratifiedKFold}, {@code RepeatedStratifiedKFold}.
 */
package org.imbalanced4j.split;
