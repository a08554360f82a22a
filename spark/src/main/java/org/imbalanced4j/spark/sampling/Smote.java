package org.imbalanced4j.spark.sampling;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.ml.param.IntParam;
import org.apache.spark.ml.param.LongParam;
import org.apache.spark.ml.util.DefaultParamsReader;
import org.apache.spark.ml.util.Identifiable;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.imbalanced4j.DataException;
import org.imbalanced4j.sampling.SamplerKind;
import org.imbalanced4j.spark.neighbors.BroadcastNeighbors;

/**
 * SMOTE on Spark: each new row lies on the segment between a row of the class and one of its
 * {@code kNeighbors} nearest rows of the same class, {@code x_new = x_i + u (x_nn - x_i)} with
 * {@code u ~ U[0, 1)} (Chawla et al., "SMOTE: synthetic minority over-sampling technique", JAIR
 * 16, 2002), as many per class as imbalanced-learn's {@code SMOTE} makes for the same {@code
 * sampling_strategy}.
 *
 * <p>Distributed as the minority's size allows: the rows of each class to grow are gathered and
 * broadcast ({@value #DEFAULT_MAX_BROADCAST_MB} MB at most by default: 6.5 million rows of 20
 * features), their exact neighbours found in tasks ({@link BroadcastNeighbors}), and the new rows
 * drawn in slices, each slice by its own seeded generator, so the output depends on the seed and
 * the input alone. The original rows pass through untouched; a new row has the features and the
 * label, and nulls in the other columns.
 *
 * <pre>{@code
 * Dataset<Row> balanced = new Smote().setKNeighbors(5).setSeed(1).resample(df);
 * }</pre>
 */
public final class Smote extends NeighbourSampler {
  private static final long serialVersionUID = 1L;
  static final int DEFAULT_MAX_BROADCAST_MB = 512;
  /** New rows per generating task, at most. */
  private static final long ROWS_PER_SLICE = 200_000;

  private final IntParam kNeighbors;
  private final LongParam maxBroadcastMb;

  public Smote(String uid) {
    super(uid);
    kNeighbors = new IntParam(this, "kNeighbors", "neighbours of the same class a new row may lie towards (>= 1)");
    maxBroadcastMb = new LongParam(this, "maxBroadcastMb", "the largest class, in MB of floats, that is broadcast");
    setDefault(kNeighbors, 5);
    setDefault(maxBroadcastMb, (long) DEFAULT_MAX_BROADCAST_MB);
  }

  public Smote() {
    this(Identifiable.randomUID("smote"));
  }

  public IntParam kNeighbors() {
    return kNeighbors;
  }

  public LongParam maxBroadcastMb() {
    return maxBroadcastMb;
  }

  public int getKNeighbors() {
    return (Integer) $(kNeighbors);
  }

  public long getMaxBroadcastMb() {
    return (Long) $(maxBroadcastMb);
  }

  public Smote setKNeighbors(int value) {
    if (value < 1) {
      throw new org.imbalanced4j.InvalidOptionException("k_neighbors must be at least 1, got " + value);
    }
    set(kNeighbors, value);
    return this;
  }

  public Smote setMaxBroadcastMb(long value) {
    set(maxBroadcastMb, value);
    return this;
  }

  @Override
  public String name() {
    return "SMOTE";
  }

  @Override
  public SamplerKind kind() {
    return SamplerKind.OVER;
  }

  @Override
  protected Dataset<Row> resample(Input in) {
    int k = getKNeighbors();
    int fi = in.data().schema().fieldIndex(getFeaturesCol());
    StructType schema = nullable(in.data().schema(), fi, in.labelIndex());
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(in.data().sparkSession().sparkContext());
    DataType labelType = in.data().schema().fields()[in.labelIndex()].dataType();
    JavaRDD<Row> out = null;
    for (int c : in.target().classes()) {
      long add = in.target().get(c);
      if (add == 0) {
        continue;
      }
      long rows = in.counts().count(c);
      if (rows < k + 1) {
        String name = in.counts().classNames().get(c);
        throw new DataException("SMOTE: class '" + name + "' has " + rows + " row" + (rows == 1 ? "" : "s")
            + ", but k_neighbors=" + k + " needs at least " + (k + 1) + "; lower k_neighbors"
            + (rows > 1 ? " to at most " + (rows - 1) : "") + " or leave the class out of the sampling strategy");
      }
      JavaRDD<Row> made = synthesise(jsc, in, c, add, k, fi, schema.size(), in.labels().value(c, labelType));
      out = out == null ? made : out.union(made);
    }
    Dataset<Row> original = in.data().sparkSession().createDataFrame(in.rows(), schema);
    return out == null ? original : original.union(in.data().sparkSession().createDataFrame(out, schema));
  }

  /** The class's rows gathered as floats, their neighbours, and {@code add} new rows in slices. */
  private JavaRDD<Row> synthesise(JavaSparkContext jsc, Input in, int c, long add, int k, int fi, int width,
      Object label) {
    int li = in.labelIndex();
    org.imbalanced4j.spark.data.Labels labels = in.labels();
    List<float[]> gathered = in.rows().filter(r -> labels.code(r, li) == c).map(r -> {
      Vector v = r.getAs(fi);
      double[] x = v.toArray();
      float[] f = new float[x.length];
      for (int j = 0; j < x.length; j++) {
        f[j] = (float) x[j];
      }
      return f;
    }).collect();
    int n = gathered.size();
    int d = gathered.get(0).length;
    long bytes = BroadcastNeighbors.bytes(n, d);
    if (bytes > getMaxBroadcastMb() << 20) {
      throw new DataException("SMOTE: class '" + labels.names().get(c) + "' has " + n + " rows of " + d
          + " features (" + (bytes >> 20) + " MB), more than maxBroadcastMb=" + getMaxBroadcastMb()
          + " to broadcast; raise it if the executors have the memory");
    }
    float[] points = new float[n * d];
    for (int i = 0; i < n; i++) {
      if (gathered.get(i).length != d) {
        throw new DataException("SMOTE: the features vectors differ in length (" + d + " and "
            + gathered.get(i).length + ")");
      }
      System.arraycopy(gathered.get(i), 0, points, i * d, d);
    }
    int parallelism = jsc.defaultParallelism();
    int[] nn = BroadcastNeighbors.self(jsc, points, n, d, k, 2 * parallelism);
    Broadcast<float[]> sharedPoints = jsc.broadcast(points);
    Broadcast<int[]> sharedNn = jsc.broadcast(nn);
    int slices = (int) Math.max(parallelism, (add + ROWS_PER_SLICE - 1) / ROWS_PER_SLICE);
    List<Integer> ids = new ArrayList<>();
    for (int s = 0; s < slices; s++) {
      ids.add(s);
    }
    long seed = mix(in.seed(), 7_919L * (c + 1));
    return jsc.parallelize(ids, slices).flatMap(s -> {
      long from = add * s / slices;
      long to = add * (s + 1) / slices;
      SplittableRandom rng = new SplittableRandom(mix(seed, s));
      float[] x = sharedPoints.value();
      int[] near = sharedNn.value();
      return new java.util.Iterator<Row>() {
        private long i = from;

        @Override
        public boolean hasNext() {
          return i < to;
        }

        @Override
        public Row next() {
          if (i++ >= to) {
            throw new java.util.NoSuchElementException();
          }
          int base = rng.nextInt(n);
          int other = near[base * k + rng.nextInt(k)];
          double step = rng.nextDouble();
          double[] v = new double[d];
          for (int j = 0; j < d; j++) {
            double a = x[base * d + j];
            v[j] = a + step * (x[other * d + j] - a);
          }
          Object[] values = new Object[width];
          values[fi] = Vectors.dense(v);
          values[li] = label;
          return RowFactory.create(values);
        }
      };
    });
  }

  /** The schema with every column but the features and the label nullable (new rows leave them empty). */
  private static StructType nullable(StructType schema, int features, int label) {
    StructField[] f = schema.fields().clone();
    for (int i = 0; i < f.length; i++) {
      if (i != features && i != label && !f[i].nullable()) {
        f[i] = new StructField(f[i].name(), f[i].dataType(), true, f[i].metadata());
      }
    }
    return new StructType(f);
  }

  public static MLReader<Smote> read() {
    return new DefaultParamsReader<>();
  }

  public static Smote load(String path) {
    return read().load(path);
  }
}
