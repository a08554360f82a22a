package org.imbalanced4j.data;

/** How a feature column's values are to be read. */
public enum ColumnType {
  /** A real number, stored as a float. */
  NUMERIC,
  /** One of a fixed set of levels, stored as the level's code {@code 0..levels-1}. */
  CATEGORICAL
}
