/**
 * Exact nearest neighbours (brute force in row blocks on every core), with scikit-learn's tie
 * order.
 */
package org.imbalanced4j.neighbors;
