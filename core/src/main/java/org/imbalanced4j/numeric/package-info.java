/**
 * Numerics shared by the rest: pairwise sums as NumPy's, percentiles, row blocks on every core.
 *
 * <p><b>Internal</b>: public for the other packages and modules of imbalanced4j, not for
 * users; it may change in any release.
 */
package org.imbalanced4j.numeric;
