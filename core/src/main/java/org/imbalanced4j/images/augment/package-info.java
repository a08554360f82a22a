/**
 * Seeded image augmentation on whole batches, matching torchvision's transforms for fixed random
 * parameters.
 */
package org.imbalanced4j.images.augment;
