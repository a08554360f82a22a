/**
 * Ensembles of balanced learners: balanced bagging over any resampler and learner, and averaged
 * members.
 */
package org.imbalanced4j.ensemble;
