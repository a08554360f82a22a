/**
 * k-means as scikit-learn's {@code KMeans} (Lloyd, k-means++ starts), for {@code
 * ClusterCentroids}.
 *
 * <p><b>Internal</b>: public for the other packages and modules of imbalanced4j, not for
 * users; it may change in any release.
 */
package org.imbalanced4j.cluster;
