/**
 * The samplers as Spark ML stages that resample the training rows only.
 *
 * @serial exclude
 */
package org.imbalanced4j.spark.sampling;
