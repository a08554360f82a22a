/**
 * Image data: class-per-folder PNG/JPEG and IDX files decoded once into a compact uint8 store, and
 * long-tailed subsets with the literature's exponential profile.
 */
package org.imbalanced4j.images;
