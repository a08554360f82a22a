package org.imbalanced4j.spark.sampling;

import java.util.Arrays;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.ml.param.IntParam;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.util.DefaultParamsReader;
import org.apache.spark.ml.util.Identifiable;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.sql.catalyst.InternalRow;
import org.imbalanced4j.DataException;
import org.imbalanced4j.InvalidOptionException;
import org.imbalanced4j.neighbors.NeighborIndex;
import org.imbalanced4j.neighbors.Neighbors;
import org.imbalanced4j.random.NumpyRandom;
import org.imbalanced4j.sampling.over.BorderlineSmote.Kind;
import org.imbalanced4j.spark.neighbors.KnnTable;
import org.imbalanced4j.spark.neighbors.PartitionedPoints.Gathered;

/**
 * Borderline-SMOTE on Spark (Han et al., "Borderline-SMOTE: a new over-sampling method in
 * imbalanced data sets learning", ICIC 2005): SMOTE from the rows "in danger" only, those with at
 * least half but not all of their {@code mNeighbors} nearest rows in the whole data of other
 * classes. {@code borderline-1} interpolates towards the {@code kNeighbors} nearest rows of the
 * same class; {@code borderline-2} makes a share {@code f ~ Beta(10, 10)} that way and the rest
 * towards the nearest rows of other classes with {@code u ~ U[0, 0.5)}, as core's {@code
 * BorderlineSmote} does, with the same class counts for the same seed.
 *
 * <p>The class's rows are gathered; their {@code mNeighbors} nearest rows come from an exact search
 * over all partitions ({@link org.imbalanced4j.spark.neighbors.PartitionedPoints#query}), the
 * neighbours within the class from core's index on the driver, the other-class neighbours of
 * borderline-2 from a second exact search among the other classes' rows.
 */
public final class BorderlineSmote extends SmoteFamily {
  private static final long serialVersionUID = 1L;

  private final IntParam mNeighbors;
  private final Param<String> kind;

  /** A stage with the given unique id and the defaults (as Spark's reader makes it). */
  public BorderlineSmote(String uid) {
    super(uid);
    mNeighbors = new IntParam(this, "mNeighbors", "the neighbours in the whole data that tell danger (>= 1)");
    kind = new Param<>(this, "kind", "borderline-1 or borderline-2");
    setDefault(mNeighbors, 10);
    setDefault(kind, "borderline-1");
  }

  /** A stage with a random unique id and the defaults. */
  public BorderlineSmote() {
    this(Identifiable.randomUID("borderlineSmote"));
  }

  /** The {@code mNeighbors} param: the neighbours in the whole data that tell danger (>= 1). */
  public IntParam mNeighbors() {
    return mNeighbors;
  }

  /** The {@code kind} param: borderline-1 or borderline-2. */
  public Param<String> kind() {
    return kind;
  }

  /** The value of {@code mNeighbors}: the neighbours in the whole data that tell danger (>= 1). */
  public int getMNeighbors() {
    return (Integer) $(mNeighbors);
  }

  /** The value of {@code kind}: borderline-1 or borderline-2. */
  public String getKind() {
    return $(kind);
  }

  /** Sets {@code mNeighbors}: the neighbours in the whole data that tell danger (>= 1). */
  public BorderlineSmote setMNeighbors(int value) {
    if (value < 1) {
      throw new InvalidOptionException("m_neighbors must be at least 1, got " + value);
    }
    set(mNeighbors, value);
    return this;
  }

  /** Sets {@code kind}: borderline-1 or borderline-2. */
  public BorderlineSmote setKind(String value) {
    Kind.parse(value);
    set(kind, value);
    return this;
  }

  @Override
  public String name() {
    return "BorderlineSMOTE";
  }

  @Override
  protected JavaRDD<InternalRow> synthesise(Input in, Output out, int c, long add) {
    int m = getMNeighbors();
    int k = getKNeighbors();
    if (in.counts().total() < m + 1) {
      throw new DataException(name() + ": the data has " + in.counts().total() + " rows, but m_neighbors=" + m
          + " needs at least " + (m + 1));
    }
    Gathered cls = gatherClass(in, out, c);
    int d = cls.d();
    KnnTable near = out.points().query(cls, m);
    int[] danger = new int[cls.size()];
    int nd = 0;
    for (int q = 0; q < cls.size(); q++) {
      int other = 0;
      for (int j = 0; j < m; j++) {
        other += near.label(q, j) != c ? 1 : 0;
      }
      if (other >= m / 2.0 && other < m) {
        danger[nd++] = q;
      }
    }
    if (nd == 0) {
      return null;
    }
    danger = Arrays.copyOf(danger, nd);
    float[] xDanger = new float[nd * d];
    long[] dangerIndex = new long[nd];
    for (int i = 0; i < nd; i++) {
      System.arraycopy(cls.x(), danger[i] * d, xDanger, i * d, d);
      dangerIndex[i] = cls.index()[danger[i]];
    }
    Neighbors within = NeighborIndex.of(cls.x(), cls.size(), d).querySelf(danger, k + 1);
    int[] nn = new int[nd * k];
    for (int i = 0; i < nd; i++) {
      for (int j = 0; j < k; j++) {
        nn[i * k + j] = within.index(i, j + 1);
      }
    }
    long seed = mix(in.seed(), 7_919L * (c + 1));
    NewRows shape = out.shape(in, c);
    SyntheticRows inClass = new SyntheticRows(xDanger, cls.x(), nn, k, d);
    if (Kind.parse(getKind()) == Kind.BORDERLINE_1) {
      return inClass.make(out.jsc(), add, 1.0, seed, shape);
    }
    double f = new NumpyRandom(in.seed()).beta(10, 10);
    JavaRDD<InternalRow> first = inClass.make(out.jsc(), (long) (f * (add + 1)), 1.0, seed, shape);
    long others = in.counts().total() - in.counts().count(c);
    int kk = (int) Math.min(k + 1, others) - 1; // as core: the nearest other-class row (column 0) is not used
    if (kk < 1) {
      return first;
    }
    boolean[] among = new boolean[in.labels().size()];
    Arrays.fill(among, true);
    among[c] = false;
    KnnTable toOthers = out.points().query(new Gathered(xDanger, dangerIndex, new int[nd], d), kk + 1, among);
    long[] wanted = new long[nd * kk];
    for (int i = 0; i < nd; i++) {
      for (int j = 0; j < kk; j++) {
        wanted[i * kk + j] = toOthers.index(i, j + 1);
      }
    }
    Gathered targets = out.points().gather(Arrays.stream(wanted).distinct().sorted().toArray());
    int[] nnOthers = new int[nd * kk];
    for (int i = 0; i < wanted.length; i++) {
      nnOthers[i] = Arrays.binarySearch(targets.index(), wanted[i]);
    }
    JavaRDD<InternalRow> second = new SyntheticRows(xDanger, targets.x(), nnOthers, kk, d).make(out.jsc(),
        (long) ((1 - f) * add), 0.5, mix(seed, 2), shape);
    return first.union(second);
  }

  /** The reader of saved {@code BorderlineSmote} stages. */
  public static MLReader<BorderlineSmote> read() {
    return new DefaultParamsReader<>();
  }

  /** The {@code BorderlineSmote} saved at {@code path}. */
  public static BorderlineSmote load(String path) {
    return read().load(path);
  }
}
