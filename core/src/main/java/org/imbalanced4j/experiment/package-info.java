/**
 * The main job: {@link org.imbalanced4j.experiment.Compare} races strategies (resampler x learner
 * x decision rule) under leak-free stratified cross-validation and returns a {@link
 * org.imbalanced4j.experiment.CompareResult}; grids in YAML or in code ({@link
 * org.imbalanced4j.experiment.Grid}).
 */
package org.imbalanced4j.experiment;
