/**
 * Networks: multilayer perceptrons, attention over feature tokens, a small CNN, CIFAR-style
 * ResNets with SE or CBAM attention, and the bilateral-branch network (BBN).
 */
package org.imbalanced4j.djl.nn;
