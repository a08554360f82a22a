/**
 * The dense data model: a {@link org.imbalanced4j.data.Dataset} of float features (row-major), int
 * labels with class names, categorical features as codes with their levels, optional sample
 * weights and zero-copy row views; its {@link org.imbalanced4j.data.Schema} and {@link
 * org.imbalanced4j.data.ClassCounts}.
 */
package org.imbalanced4j.data;
