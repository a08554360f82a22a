/**
 * The One-Class SVM's use of LIBSVM's Java port.
 *
 * <p><b>Internal</b>: public for the other packages and modules of imbalanced4j, not for
 * users; it may change in any release.
 */
package org.imbalanced4j.svm;
