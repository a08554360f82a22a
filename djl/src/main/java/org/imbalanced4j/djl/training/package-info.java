/**
 * Training on DJL: the loop with early stopping on a minority-aware metric, checkpoints and exact
 * resume, schedules, transfer learning and the network learners of the catalogue.
 */
package org.imbalanced4j.djl.training;
