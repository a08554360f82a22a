/**
 * Exact nearest neighbours over partitioned rows.
 *
 * <p><b>Internal</b>: public for the other packages and modules of imbalanced4j, not for
 * users; it may change in any release.
 *
 * @serial exclude
 */
package org.imbalanced4j.spark.neighbors;
