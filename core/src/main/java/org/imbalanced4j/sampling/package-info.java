/**
 * The sampler contract ({@link org.imbalanced4j.sampling.Sampler}: {@code fitResample}) with
 * imbalanced-learn's {@code sampling_strategy} forms, and the catalogue of every sampler by name.
 */
package org.imbalanced4j.sampling;
