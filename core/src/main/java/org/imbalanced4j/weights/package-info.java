/**
 * Class-weight schemes: balanced (scikit-learn's), inverse, square root and the effective number
 * of samples (Cui et al. 2019).
 */
package org.imbalanced4j.weights;
