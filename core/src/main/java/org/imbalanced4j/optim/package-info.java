/**
 * A trust-region Newton solver (Lin, Weng and Keerthi 2008) with a conjugate-gradient inner loop,
 * for logistic regression.
 *
 * <p><b>Internal</b>: public for the other packages and modules of imbalanced4j, not for
 * users; it may change in any release.
 */
package org.imbalanced4j.optim;
