package org.imbalanced4j.data;

import java.util.List;
import java.util.Objects;

/**
 * One feature column: its name, its type and, for a categorical column, its levels in code order.
 *
 * @param name the column's header
 * @param type numeric or categorical
 * @param levels the levels of a categorical column (code {@code i} is {@code levels.get(i)}); empty
 *     for a numeric column
 */
public record Feature(String name, ColumnType type, List<String> levels) {

  /** Copies the levels. */
  public Feature {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    levels = List.copyOf(levels);
    if (type == ColumnType.NUMERIC && !levels.isEmpty()) {
      throw new IllegalArgumentException("numeric feature '" + name + "' cannot have levels");
    }
  }

  /** A numeric feature. */
  public static Feature numeric(String name) {
    return new Feature(name, ColumnType.NUMERIC, List.of());
  }

  /** A categorical feature with the given levels in code order. */
  public static Feature categorical(String name, List<String> levels) {
    return new Feature(name, ColumnType.CATEGORICAL, levels);
  }

  /** Whether the feature holds categories (coded by level index) rather than numbers. */
  public boolean isCategorical() {
    return type == ColumnType.CATEGORICAL;
  }
}
