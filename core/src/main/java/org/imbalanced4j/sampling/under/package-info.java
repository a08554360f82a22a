/**
 * Under-samplers as imbalanced-learn's {@code under_sampling}: random, Tomek links, the ENN
 * family, NearMiss, CNN, OSS, NCR, instance hardness threshold, cluster centroids.
 */
package org.imbalanced4j.sampling.under;
