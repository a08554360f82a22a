/**
 * Seeds derived for parts of a job, so that a result does not depend on the thread count.
 *
 * <p><b>Internal</b>: public for the other packages and modules of imbalanced4j, not for
 * users; it may change in any release.
 */
package org.imbalanced4j.random;
