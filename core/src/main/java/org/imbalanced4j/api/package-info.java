/**
 * The library's front door: train a model ({@link org.imbalanced4j.api.Train}), load a model
 * directory ({@link org.imbalanced4j.api.Models}) and score a {@code Dataset}, one row or a batch
 * ({@link org.imbalanced4j.api.ScoringModel}), as {@code imb train} and {@code imb predict} do.
 */
package org.imbalanced4j.api;
