/**
 * Gradient boosting through XGBoost4J as a learner of the catalogue, with class weights and early
 * stopping on held-out rows.
 */
package org.imbalanced4j.boost;
