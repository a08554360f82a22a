/**
 * The two exceptions every call may throw: {@link org.imbalanced4j.DataException} (bad input: a
 * file, a row, a value) and {@link org.imbalanced4j.InvalidOptionException} (a bad option or
 * parameter), each with a one-line message for people.
 */
package org.imbalanced4j;
