/**
 * Stratified fold columns for Spark's own cross-validation.
 *
 * @serial exclude
 */
package org.imbalanced4j.spark.split;
