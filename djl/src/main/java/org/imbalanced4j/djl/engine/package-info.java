/**
 * Starting DJL's PyTorch engine offline, from the native library on the class path.
 *
 * <p><b>Internal</b>: public for the other packages and modules of imbalanced4j, not for
 * users; it may change in any release.
 */
package org.imbalanced4j.djl.engine;
