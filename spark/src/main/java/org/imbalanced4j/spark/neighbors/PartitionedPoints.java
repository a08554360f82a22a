package org.imbalanced4j.spark.neighbors;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.sql.Row;
import org.imbalanced4j.DataException;
import org.imbalanced4j.neighbors.NeighborIndex;
import org.imbalanced4j.neighbors.Neighbors;
import org.imbalanced4j.spark.data.Labels;

/**
 * The rows of a partitioned data set as points with a global index ({@code offsets[p] + i} for
 * the {@code i}-th row of partition {@code p}: the row's position in the data set), and exact
 * nearest-neighbour searches over all of them that move only small sets: the query points are
 * broadcast, each partition answers them with core's exact index over its own rows, and the
 * per-partition answers merge ({@link KnnTable}) into exactly what one index over all rows
 * gives, ties included.
 *
 * <p>Cost of a search for {@code Q} queries over {@code P} partitions of {@code m} rows: a
 * broadcast of {@code 4 Q d} bytes, {@code P} index builds of {@code O(m log m)} (as many as
 * partitions, in parallel), {@code Q P} searches of {@code O(log m)}, and {@code P} tables of
 * {@code 20 Q k} bytes merged in a tree. It is meant for queries from a minority: 10,000 minority
 * rows against 10 million rows in 100 partitions are a million searches.
 */
public final class PartitionedPoints implements Serializable {
  private static final long serialVersionUID = 1L;

  private final transient JavaRDD<Row> rows;
  private final long[] offsets;
  private final Labels labels;
  private final int labelIndex;
  private final int featuresIndex;

  private PartitionedPoints(JavaRDD<Row> rows, long[] offsets, Labels labels, int labelIndex, int featuresIndex) {
    this.rows = rows;
    this.offsets = offsets;
    this.labels = labels;
    this.labelIndex = labelIndex;
    this.featuresIndex = featuresIndex;
  }

  /** The rows, with the class counts of each partition (for the offsets). */
  public static PartitionedPoints of(JavaRDD<Row> rows, long[][] countsByPartition, Labels labels, int labelIndex,
      int featuresIndex) {
    long[] offsets = new long[countsByPartition.length + 1];
    for (int p = 0; p < countsByPartition.length; p++) {
      offsets[p + 1] = offsets[p] + Arrays.stream(countsByPartition[p]).sum();
    }
    return new PartitionedPoints(rows, offsets, labels, labelIndex, featuresIndex);
  }

  /** Number of rows. */
  public long size() {
    return offsets[offsets.length - 1];
  }

  /** Points gathered to the driver: row-major floats, their global indices and class codes. */
  public record Gathered(float[] x, long[] index, int[] label, int d) implements Serializable {
    /** How many points. */
    public int size() {
      return index.length;
    }

    /** The points' size in memory, in bytes. */
    public long bytes() {
      return 4L * x.length + 12L * index.length;
    }
  }

  /** The rows of the classes with {@code classes[c]} true, in row order. */
  public Gathered gather(boolean[] classes) {
    org.imbalanced4j.spark.data.Stages.name(rows.context(), "gather rows of the smaller classes");
    return collect(rows.mapPartitionsWithIndex((p, it) -> {
      Local l = read(it, r -> classes[labels.code(r, labelIndex)], offsets[p]);
      return List.of(l.asGathered()).iterator();
    }, true).collect());
  }

  /** The rows of these global indices (ascending), in row order. */
  public Gathered gather(long[] sortedIndices) {
    org.imbalanced4j.spark.data.Stages.name(rows.context(), "gather " + sortedIndices.length + " rows by position");
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(rows.context());
    Broadcast<long[]> wanted = jsc.broadcast(sortedIndices);
    try {
      return collect(rows.mapPartitionsWithIndex((p, it) -> {
        long[] w = wanted.value();
        Local l = readIndexed(it, offsets[p], i -> Arrays.binarySearch(w, i) >= 0);
        return List.of(l.asGathered()).iterator();
      }, true).collect());
    } finally {
      wanted.destroy();
    }
  }

  private static Gathered collect(List<Gathered> parts) {
    int n = 0;
    int d = 0;
    for (Gathered g : parts) {
      n += g.size();
      d = Math.max(d, g.d());
    }
    float[] x = new float[n * d];
    long[] index = new long[n];
    int[] label = new int[n];
    int at = 0;
    for (Gathered g : parts) {
      System.arraycopy(g.x(), 0, x, at * d, g.x().length);
      System.arraycopy(g.index(), 0, index, at, g.size());
      System.arraycopy(g.label(), 0, label, at, g.size());
      at += g.size();
    }
    return new Gathered(x, index, label, d);
  }

  /**
   * The {@code k} nearest rows of each query point over all rows, a query's own row (its index)
   * left out, as core's {@code querySelf} leaves a point out of its own neighbours.
   */
  public KnnTable query(Gathered queries, int k) {
    return query(queries, k, null);
  }

  /** As {@link #query(Gathered, int)}, among the rows of the classes with {@code among[c]} true (null: all). */
  public KnnTable query(Gathered queries, int k, boolean[] among) {
    int nq = queries.size();
    if (nq == 0) {
      return new KnnTable(0, k);
    }
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(rows.context());
    org.imbalanced4j.spark.data.Stages.name(rows.context(), "exact " + k + " nearest rows of " + nq
        + " queries over " + rows.getNumPartitions() + " partitions");
    Broadcast<Gathered> shared = jsc.broadcast(queries);
    try {
      return rows.mapPartitionsWithIndex((p, it) -> {
        Gathered q = shared.value();
        Local l = read(it, r -> among == null || among[labels.code(r, labelIndex)], offsets[p]);
        KnnTable t = new KnnTable(nq, k);
        if (l.size > 0) {
          int kk = Math.min(k + 1, l.size);
          Neighbors nn = NeighborIndex.of(l.x, l.size, l.d).query(q.x(), nq, kk);
          for (int i = 0; i < nq; i++) {
            int j = 0;
            for (int c = 0; c < kk && j < k; c++) {
              long g = l.index[nn.index(i, c)];
              if (g != q.index()[i]) {
                t.set(i, j++, g, nn.squaredDistance(i, c), l.label[nn.index(i, c)]);
              }
            }
          }
        }
        return List.of(t).iterator();
      }, true).treeReduce(KnnTable::merge, depth(rows.getNumPartitions()));
    } finally {
      shared.destroy();
    }
  }

  /**
   * The rows of class {@code c} whose {@code k} nearest rows are not settled to be all of class
   * {@code c} by their own partition: a row is settled when its partition's {@code k} nearest
   * other rows are of class {@code c} and the last of them comes before the nearest row of
   * another class anywhere ({@code others}, all rows of the other classes, broadcast). Rows from
   * other partitions can only bring nearer rows of class {@code c} then. The rows left are few
   * (those near another class) and get the exact search of {@link #query}.
   */
  public Gathered unsettled(int c, Gathered others, int k) {
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(rows.context());
    org.imbalanced4j.spark.data.Stages.name(rows.context(), "settle rows of the largest class in their partition");
    Broadcast<Gathered> shared = jsc.broadcast(others);
    try {
      return collect(rows.mapPartitionsWithIndex((p, it) -> {
        Local l = read(it, r -> true, offsets[p]);
        int[] mine = new int[l.size];
        int m = 0;
        for (int i = 0; i < l.size; i++) {
          if (l.label[i] == c) {
            mine[m++] = i;
          }
        }
        mine = Arrays.copyOf(mine, m);
        Gathered o = shared.value();
        boolean[] open = new boolean[m];
        if (o.size() == 0) {
          return List.of(l.subset(new int[0])).iterator();
        }
        if (l.size < k + 1) {
          Arrays.fill(open, true);
        } else {
          float[] xs = new float[m * l.d];
          for (int i = 0; i < m; i++) {
            System.arraycopy(l.x, mine[i] * l.d, xs, i * l.d, l.d);
          }
          Neighbors other = NeighborIndex.of(o.x(), o.size(), o.d()).query(xs, m, 1);
          Neighbors local = NeighborIndex.of(l.x, l.size, l.d).querySelf(mine, k + 1);
          for (int i = 0; i < m; i++) {
            boolean settled = KnnTable.before(local.squaredDistance(i, k), l.index[local.index(i, k)],
                other.squaredDistance(i, 0), o.index()[other.index(i, 0)]);
            for (int j = 1; j <= k && settled; j++) {
              settled = l.label[local.index(i, j)] == c;
            }
            open[i] = !settled;
          }
        }
        int n = 0;
        int[] pick = new int[m];
        for (int i = 0; i < m; i++) {
          if (open[i]) {
            pick[n++] = mine[i];
          }
        }
        return List.of(l.subset(Arrays.copyOf(pick, n))).iterator();
      }, true).collect());
    } finally {
      shared.destroy();
    }
  }

  /** The rows without those of these global indices (ascending). */
  public JavaRDD<Row> without(long[] sortedIndices) {
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(rows.context());
    Broadcast<long[]> dropped = jsc.broadcast(sortedIndices);
    return rows.mapPartitionsWithIndex((p, it) -> new Iterator<Row>() {
      private long i = offsets[p];
      private Row next = advance();

      private Row advance() {
        long[] d = dropped.value();
        while (it.hasNext()) {
          Row r = it.next();
          if (Arrays.binarySearch(d, i++) < 0) {
            return r;
          }
        }
        return null;
      }

      @Override
      public boolean hasNext() {
        return next != null;
      }

      @Override
      public Row next() {
        if (next == null) {
          throw new java.util.NoSuchElementException();
        }
        Row r = next;
        next = advance();
        return r;
      }
    }, true);
  }

  private static int depth(int partitions) {
    return Math.max(2, (int) Math.ceil(Math.log(Math.max(2, partitions)) / Math.log(8)));
  }

  /** A partition's rows read as floats. */
  private final class Local {
    float[] x = new float[1024];
    long[] index = new long[64];
    int[] label = new int[64];
    int size;
    int d = -1;

    void add(Row r, long globalIndex) {
      Vector v = r.getAs(featuresIndex);
      if (d < 0) {
        d = v.size();
      } else if (v.size() != d) {
        throw new DataException("the features vectors differ in length (" + d + " and " + v.size() + ")");
      }
      if (size == index.length) {
        index = Arrays.copyOf(index, size * 2);
        label = Arrays.copyOf(label, size * 2);
      }
      if ((size + 1) * d > x.length) {
        x = Arrays.copyOf(x, Math.max((size + 1) * d, x.length * 2));
      }
      for (int j = 0; j < d; j++) {
        double value = v.apply(j);
        if (!Double.isFinite(value)) {
          throw new DataException("row " + (globalIndex + 1) + " has a feature that is not finite: " + value);
        }
        x[size * d + j] = (float) value;
      }
      index[size] = globalIndex;
      label[size] = labels.code(r, labelIndex);
      size++;
    }

    Gathered asGathered() {
      int dd = Math.max(d, 0);
      return new Gathered(Arrays.copyOf(x, size * dd), Arrays.copyOf(index, size), Arrays.copyOf(label, size), dd);
    }

    Gathered subset(int[] picks) {
      int dd = Math.max(d, 0);
      float[] xs = new float[picks.length * dd];
      long[] is = new long[picks.length];
      int[] ls = new int[picks.length];
      for (int i = 0; i < picks.length; i++) {
        System.arraycopy(x, picks[i] * dd, xs, i * dd, dd);
        is[i] = index[picks[i]];
        ls[i] = label[picks[i]];
      }
      return new Gathered(xs, is, ls, dd);
    }
  }

  private Local read(Iterator<Row> it, java.util.function.Predicate<Row> keep, long offset) {
    Local l = new Local();
    long i = offset;
    while (it.hasNext()) {
      Row r = it.next();
      if (keep.test(r)) {
        l.add(r, i);
      }
      i++;
    }
    return l;
  }

  private Local readIndexed(Iterator<Row> it, long offset, java.util.function.LongPredicate keep) {
    Local l = new Local();
    long i = offset;
    while (it.hasNext()) {
      Row r = it.next();
      if (keep.test(i)) {
        l.add(r, i);
      }
      i++;
    }
    return l;
  }
}
