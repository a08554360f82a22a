/**
 * Readers and writers of tables (CSV/TSV, ARFF, LibSVM), the built-in data sets, and atomic writes
 * (a temporary file renamed into place).
 */
package org.imbalanced4j.io;
