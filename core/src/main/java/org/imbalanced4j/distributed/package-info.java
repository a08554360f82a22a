/**
 * The seam between the commands and a distributed engine (the spark module), found at run time.
 *
 * <p><b>Internal</b>: public for the other packages and modules of imbalanced4j, not for
 * users; it may change in any release.
 */
package org.imbalanced4j.distributed;
