/**
 * Imbalance-aware losses equal to PyTorch's in value and gradient: weighted cross-entropy, focal,
 * class-balanced, LDAM, balanced softmax, logit adjustment, cost-sensitive.
 */
package org.imbalanced4j.djl.losses;
