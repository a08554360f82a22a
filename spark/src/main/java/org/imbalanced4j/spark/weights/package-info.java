/**
 * A weight column from class frequencies for any Spark classifier.
 *
 * @serial exclude
 */
package org.imbalanced4j.spark.weights;
