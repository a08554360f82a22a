package org.imbalanced4j.spark.data;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.NumericType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.imbalanced4j.DataException;
import org.imbalanced4j.data.ClassCounts;

/**
 * The classes of a label column and their codes: the distinct values sorted (numbers by value,
 * text by its characters), as {@code numpy.unique} orders imbalanced-learn's classes, so that the
 * majority and minority are picked as imbalanced-learn picks them. A numeric label that is a whole
 * number is named without a fraction ({@code 1.0} is class "1"). Immutable and serialisable, so
 * tasks can map a row's label to its code.
 */
public final class Labels implements Serializable {
  private static final long serialVersionUID = 1L;

  private final boolean numeric;
  private final List<String> names;
  private final Map<Object, Integer> codes;
  private final Object[] values;

  private Labels(boolean numeric, List<Object> sorted) {
    this.numeric = numeric;
    this.values = sorted.toArray();
    this.names = new ArrayList<>();
    this.codes = new HashMap<>();
    for (int i = 0; i < values.length; i++) {
      names.add(name(values[i]));
      codes.put(values[i], i);
    }
  }

  /** The classes of {@code labelCol}: one small distinct query; a null label is a data error. */
  public static Labels of(Dataset<Row> data, String labelCol) {
    StructField field = field(data.schema(), labelCol);
    boolean numeric = numeric(field, labelCol);
    Stages.name(data.sparkSession().sparkContext(), "find the classes");
    Dataset<Row> distinct = numeric
        ? data.select(col(data, labelCol).cast(DataTypes.DoubleType)).distinct()
        : data.select(col(data, labelCol)).distinct();
    List<Object> values = new ArrayList<>();
    for (Row r : distinct.collectAsList()) {
      if (r.isNullAt(0)) {
        throw new DataException("label column '" + labelCol + "' has empty (null) labels");
      }
      Object v = r.get(0);
      if (numeric && !Double.isFinite((Double) v)) {
        throw new DataException("label column '" + labelCol + "' has a label that is not finite: " + v);
      }
      values.add(v);
    }
    if (values.isEmpty()) {
      throw new DataException("no rows: nothing to resample or evaluate");
    }
    values.sort((a, b) -> numeric ? Double.compare((Double) a, (Double) b) : ((String) a).compareTo((String) b));
    return new Labels(numeric, values);
  }

  /** The column of that name, read as a name (a dot in it is not a struct field, as in "x.1"). */
  public static org.apache.spark.sql.Column col(Dataset<?> data, String name) {
    return data.col("`" + name.replace("`", "``") + "`");
  }

  /** Whether a label column holds numbers (else text); any other type is a data error. */
  private static boolean numeric(StructField field, String labelCol) {
    boolean numeric = field.dataType() instanceof NumericType;
    if (!numeric && field.dataType() != DataTypes.StringType) {
      throw new DataException("label column '" + labelCol + "' is " + field.dataType().simpleString()
          + "; a label must be a number or text");
    }
    return numeric;
  }

  /** The schema field of {@code column}, or a data error naming the columns there are. */
  public static StructField field(StructType schema, String column) {
    for (StructField f : schema.fields()) {
      if (f.name().equals(column)) {
        return f;
      }
    }
    throw new DataException("no column '" + column + "'; the columns are " + String.join(", ", schema.fieldNames()));
  }

  private static String name(Object v) {
    if (v instanceof Double d) {
      return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString(d.longValue()) : d.toString();
    }
    return v.toString();
  }

  /** How many classes. */
  public int size() {
    return values.length;
  }

  /** The class names, in code order. */
  public List<String> names() {
    return List.copyOf(names);
  }

  /** The label value of class {@code code} as the column holds it (a double for numbers). */
  public Object value(int code) {
    return values[code];
  }

  /** The label value of class {@code code} in the column's own type (an int column gets an int). */
  public Object value(int code, DataType type) {
    Object v = values[code];
    if (!numeric) {
      return v;
    }
    double d = (Double) v;
    if (type == DataTypes.IntegerType) {
      return (int) d;
    } else if (type == DataTypes.LongType) {
      return (long) d;
    } else if (type == DataTypes.ShortType) {
      return (short) d;
    } else if (type == DataTypes.ByteType) {
      return (byte) d;
    } else if (type == DataTypes.FloatType) {
      return (float) d;
    } else if (type instanceof org.apache.spark.sql.types.DecimalType) {
      return java.math.BigDecimal.valueOf(d);
    }
    return d;
  }

  /**
   * The label column {@code name} of {@code data} as these labels' values compare with it: text
   * as it is, numbers as doubles (so an int column equals the value {@code 1.0}).
   */
  public org.apache.spark.sql.Column column(Dataset<?> data, String name) {
    return numeric ? col(data, name).cast(DataTypes.DoubleType) : col(data, name);
  }

  /** The code of a row's label at {@code index}, or -1 for a label not seen when this was made. */
  public int code(Row row, int index) {
    Object v = row.get(index);
    if (numeric && v != null) {
      v = ((Number) v).doubleValue();
    }
    Integer c = codes.get(v);
    return c == null ? -1 : c;
  }

  /** The code of a class name ({@code "1"}, {@code "fraud"}), or -1. */
  public int codeOfName(String name) {
    return names.indexOf(name);
  }

  /** The classes of a label column and the rows of each in each partition, {@code [partition][class]}. */
  public record Counted(Labels labels, long[][] byPartition) {
    /** The classes' totals, as core counts them. */
    public ClassCounts counts() {
      return labels.counts(byPartition);
    }
  }

  /**
   * The classes of {@code labelCol} and their rows per partition, in one pass that reads the label
   * column alone (a projection keeps the data's partitions, so the counts hold for its rows).
   */
  public static Counted counted(Dataset<Row> data, String labelCol) {
    StructField field = field(data.schema(), labelCol);
    boolean numeric = numeric(field, labelCol);
    Stages.name(data.sparkSession().sparkContext(), "count classes per partition");
    JavaRDD<Row> labels = data.select(col(data, labelCol)).toJavaRDD();
    List<Object[]> parts = labels.mapPartitionsWithIndex((p, it) -> {
      java.util.Map<Object, long[]> c = new HashMap<>();
      while (it.hasNext()) {
        Row r = it.next();
        if (r.isNullAt(0)) {
          throw new DataException("label column '" + labelCol + "' has empty (null) labels");
        }
        Object v = numeric ? (Object) ((Number) r.get(0)).doubleValue() : r.get(0);
        if (numeric && !Double.isFinite((Double) v)) {
          throw new DataException("label column '" + labelCol + "' has a label that is not finite: " + v);
        }
        c.computeIfAbsent(v, x -> new long[1])[0]++;
      }
      List<Object[]> out = new ArrayList<>();
      out.add(new Object[] {p, c});
      return out.iterator();
    }, true).collect();
    java.util.TreeSet<Object> all = new java.util.TreeSet<>((a, b) -> numeric ? Double.compare((Double) a, (Double) b)
        : ((String) a).compareTo((String) b));
    for (Object[] part : parts) {
      @SuppressWarnings("unchecked")
      java.util.Map<Object, long[]> c = (java.util.Map<Object, long[]>) part[1];
      all.addAll(c.keySet());
    }
    if (all.isEmpty()) {
      throw new DataException("no rows: nothing to resample or evaluate");
    }
    Labels l = new Labels(numeric, new ArrayList<>(all));
    long[][] byPartition = new long[labels.getNumPartitions()][l.size()];
    for (Object[] part : parts) {
      @SuppressWarnings("unchecked")
      java.util.Map<Object, long[]> c = (java.util.Map<Object, long[]>) part[1];
      for (java.util.Map.Entry<Object, long[]> e : c.entrySet()) {
        byPartition[(Integer) part[0]][l.codes.get(e.getKey())] = e.getValue()[0];
      }
    }
    return new Counted(l, byPartition);
  }

  /** The classes' totals over partitions, as core counts them. */
  public ClassCounts counts(long[][] byPartition) {
    long[] total = new long[values.length];
    for (long[] p : byPartition) {
      for (int i = 0; i < total.length; i++) {
        total[i] += p[i];
      }
    }
    return new ClassCounts(names, total);
  }

  /** The label type a new row carries: double for numeric labels, string otherwise. */
  public DataType type() {
    return numeric ? DataTypes.DoubleType : DataTypes.StringType;
  }
}
