/**
 * Balanced bagging and EasyEnsemble as Spark ML estimators.
 *
 * @serial exclude
 */
package org.imbalanced4j.spark.ensemble;
