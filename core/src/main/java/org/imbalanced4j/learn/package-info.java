/**
 * The learner catalogue: every learner by name with its parameters and capabilities, contributed
 * by each module's {@link org.imbalanced4j.learn.LearnerProvider}.
 */
package org.imbalanced4j.learn;
