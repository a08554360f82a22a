/**
 * Epoch samplers: weighted, class-balanced, square-root, progressive, and any resampler redrawn
 * each epoch.
 */
package org.imbalanced4j.djl.samplers;
