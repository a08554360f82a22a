/**
 * Named parameters with defaults and checks, shared by the sampler and learner catalogues: what
 * {@code --param name=value} and grid files give.
 */
package org.imbalanced4j.catalog;
