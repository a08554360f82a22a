package org.imbalanced4j.spark.split;

import java.util.SplittableRandom;
import org.apache.commons.math3.distribution.HypergeometricDistribution;
import org.apache.commons.math3.random.Well19937c;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.ml.Transformer;
import org.apache.spark.ml.param.IntParam;
import org.apache.spark.ml.param.LongParam;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.util.DefaultParamsReader;
import org.apache.spark.ml.util.DefaultParamsWriter;
import org.apache.spark.ml.util.Identifiable;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.ml.util.MLWritable;
import org.apache.spark.ml.util.MLWriter;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.imbalanced4j.DataException;
import org.imbalanced4j.InvalidOptionException;
import org.imbalanced4j.spark.data.Labels;
import org.imbalanced4j.spark.data.Stages;

/**
 * Stratified k-fold assignment on Spark: adds {@code foldCol}, the fold (0 to k-1) of each row,
 * so that every class is split into folds whose sizes differ by at most one row, as scikit-learn's
 * {@code StratifiedKFold} splits it, and each class's rows are spread over the folds at random
 * (seeded). Spark's own {@code CrossValidator} splits at random, which leaves a rare class out of
 * some folds; given this column as its {@code foldCol}, it cross-validates stratified.
 *
 * <p>Scales as the samplers do: the classes are counted per partition in one pass; each
 * partition's share of every fold is drawn on the driver (for each class, partition by partition,
 * fold by fold, from the multivariate hypergeometric law, which is that of a uniformly random
 * assignment with the fold sizes fixed); each partition then shuffles its shares over its rows
 * in one pass, without a shuffle between partitions.
 */
public final class StratifiedFolds extends Transformer implements MLWritable {
  private static final long serialVersionUID = 1L;

  private final String uid;
  private final Param<String> labelCol;
  private final Param<String> foldCol;
  private final IntParam numFolds;
  private final LongParam seed;

  /** A stage with the given unique id and the defaults (as Spark's reader makes it). */
  public StratifiedFolds(String uid) {
    this.uid = uid;
    labelCol = new Param<>(this, "labelCol", "the class column");
    foldCol = new Param<>(this, "foldCol", "the fold column to add (0 to numFolds - 1)");
    numFolds = new IntParam(this, "numFolds", "the number of folds (>= 2)");
    seed = new LongParam(this, "seed", "the random seed");
    setDefault(labelCol, "label");
    setDefault(foldCol, "fold");
    setDefault(numFolds, 5);
    setDefault(seed, 0L);
  }

  /** A stage with a random unique id and the defaults. */
  public StratifiedFolds() {
    this(Identifiable.randomUID("stratifiedFolds"));
  }

  @Override
  public String uid() {
    return uid;
  }

  /** The {@code labelCol} param: the class column. */
  public Param<String> labelCol() {
    return labelCol;
  }

  /** The {@code foldCol} param: the fold column to add (0 to numFolds - 1). */
  public Param<String> foldCol() {
    return foldCol;
  }

  /** The {@code numFolds} param: the number of folds (>= 2). */
  public IntParam numFolds() {
    return numFolds;
  }

  /** The {@code seed} param: the random seed. */
  public LongParam seed() {
    return seed;
  }

  /** Sets {@code labelCol}: the class column. */
  public StratifiedFolds setLabelCol(String v) {
    set(labelCol, v);
    return this;
  }

  /** Sets {@code foldCol}: the fold column to add (0 to numFolds - 1). */
  public StratifiedFolds setFoldCol(String v) {
    set(foldCol, v);
    return this;
  }

  /** Sets {@code numFolds}: the number of folds (>= 2). */
  public StratifiedFolds setNumFolds(int v) {
    if (v < 2) {
      throw new InvalidOptionException("the number of folds must be at least 2, got " + v);
    }
    set(numFolds, v);
    return this;
  }

  /** Sets {@code seed}: the random seed. */
  public StratifiedFolds setSeed(long v) {
    set(seed, v);
    return this;
  }

  @Override
  public Dataset<Row> transform(Dataset<?> dataset) {
    Dataset<Row> data = dataset.toDF();
    StructType out = transformSchema(data.schema());
    int k = (Integer) $(numFolds);
    Labels.Counted counted = Labels.counted(data, $(labelCol));
    Labels labels = counted.labels();
    long[] totals = counted.counts().counts();
    for (int c = 0; c < totals.length; c++) {
      if (totals[c] < k) {
        throw new DataException("class '" + labels.names().get(c) + "' has " + totals[c] + " rows, fewer than the "
            + k + " folds: every fold must hold every class; use " + Math.max(2, totals[c]) + " folds or fewer");
      }
    }
    long[][][] shares = shares(counted.byPartition(), totals, k, (Long) $(seed));
    int labelIndex = data.schema().fieldIndex($(labelCol));
    long s = (Long) $(seed);
    Stages.name(data.sparkSession().sparkContext(), "assign stratified folds");
    JavaRDD<Row> rows = data.toJavaRDD().mapPartitionsWithIndex((p, it) -> {
      SplittableRandom rng = new SplittableRandom(org.imbalanced4j.random.Seeds.mix(s, p));
      long[][] mine = shares[p];
      int[][] order = new int[mine.length][];
      for (int c = 0; c < mine.length; c++) { // this partition's folds of class c, shuffled
        int n = 0;
        for (long f : mine[c]) {
          n += (int) f;
        }
        int[] folds = new int[n];
        int at = 0;
        for (int f = 0; f < mine[c].length; f++) {
          for (long i = 0; i < mine[c][f]; i++) {
            folds[at++] = f;
          }
        }
        for (int i = n - 1; i > 0; i--) {
          int j = rng.nextInt(i + 1);
          int t = folds[i];
          folds[i] = folds[j];
          folds[j] = t;
        }
        order[c] = folds;
      }
      int[] next = new int[mine.length];
      return new java.util.Iterator<Row>() {
        @Override
        public boolean hasNext() {
          return it.hasNext();
        }

        @Override
        public Row next() {
          Row r = it.next();
          int c = labels.code(r, labelIndex);
          Object[] values = new Object[r.size() + 1];
          for (int i = 0; i < r.size(); i++) {
            values[i] = r.get(i);
          }
          values[r.size()] = order[c][next[c]++];
          return RowFactory.create(values);
        }
      };
    }, true);
    return data.sparkSession().createDataFrame(rows, out);
  }

  /**
   * {@code [partition][class][fold]}: how many rows of each class each partition puts in each
   * fold. The fold sizes of a class are {@code n / k}, the first {@code n mod k} folds one more.
   */
  static long[][][] shares(long[][] byPartition, long[] totals, int k, long seed) {
    int parts = byPartition.length;
    int classes = totals.length;
    long[][][] out = new long[parts][classes][k];
    Well19937c rng = new Well19937c(seed);
    for (int c = 0; c < classes; c++) {
      long[] left = new long[k]; // rows each fold still wants
      for (int f = 0; f < k; f++) {
        left[f] = totals[c] / k + (f < totals[c] % k ? 1 : 0);
      }
      long pool = totals[c];
      for (int p = 0; p < parts; p++) {
        long draw = byPartition[p][c];
        long rest = pool;
        for (int f = 0; f < k && draw > 0; f++) {
          long x = f == k - 1 || left[f] == rest ? (f == k - 1 ? draw : Math.min(draw, left[f]))
              : new HypergeometricDistribution(rng, Math.toIntExact(rest), Math.toIntExact(left[f]),
                  Math.toIntExact(draw)).sample();
          out[p][c][f] = x;
          left[f] -= x;
          rest -= left[f] + x;
          draw -= x;
        }
        pool -= byPartition[p][c];
      }
    }
    return out;
  }

  @Override
  public StructType transformSchema(StructType schema) {
    Labels.field(schema, $(labelCol));
    if (java.util.Arrays.asList(schema.fieldNames()).contains($(foldCol))) {
      throw new DataException("the data already has a column '" + $(foldCol) + "'; name the fold column otherwise");
    }
    return schema.add($(foldCol), DataTypes.IntegerType, false);
  }

  @Override
  public StratifiedFolds copy(ParamMap extra) {
    return defaultCopy(extra);
  }

  @Override
  public MLWriter write() {
    return new DefaultParamsWriter(this);
  }

  /** The reader of saved {@code StratifiedFolds} stages. */
  public static MLReader<StratifiedFolds> read() {
    return new DefaultParamsReader<>();
  }

  /** The {@code StratifiedFolds} saved at {@code path}. */
  public static StratifiedFolds load(String path) {
    return read().load(path);
  }
}
