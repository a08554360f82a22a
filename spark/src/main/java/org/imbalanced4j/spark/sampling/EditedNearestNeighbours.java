package org.imbalanced4j.spark.sampling;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.ml.param.IntParam;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.util.DefaultParamsReader;
import org.apache.spark.ml.util.Identifiable;
import org.apache.spark.ml.util.MLReader;
import org.imbalanced4j.InvalidOptionException;
import org.imbalanced4j.sampling.under.KindSel;
import org.imbalanced4j.spark.neighbors.KnnTable;
import org.imbalanced4j.spark.neighbors.PartitionedPoints;
import org.imbalanced4j.spark.neighbors.PartitionedPoints.Gathered;

/**
 * Edited nearest neighbours on Spark, the same rows as core's and imbalanced-learn's {@code
 * EditedNearestNeighbours}: a row of a targeted class goes when its {@code nNeighbors} nearest
 * rows disagree with it ({@code kindSel} {@code all}: any of another class; {@code mode}: the most
 * common class of them is another) (Wilson, "Asymptotic properties of nearest neighbor rules using
 * edited data", IEEE SMC 2(3), 1972).
 *
 * <p>The rows outside the largest class are gathered and broadcast. Each row of the largest class
 * is settled in its own partition when its nearest rows there are all of its class and nearer
 * than any broadcast row ({@link PartitionedPoints#unsettled}); the rest, and the targeted rows
 * outside the largest class, get an exact search over all partitions.
 */
public final class EditedNearestNeighbours extends CleaningSampler {
  private static final long serialVersionUID = 1L;

  private final IntParam nNeighbors;
  private final Param<String> kindSel;

  /** A stage with the given unique id and the defaults (as Spark's reader makes it). */
  public EditedNearestNeighbours(String uid) {
    super(uid);
    nNeighbors = new IntParam(this, "nNeighbors", "the neighbours that judge a row (>= 1)");
    kindSel = new Param<>(this, "kindSel", "all: every neighbour must agree; mode: most of them");
    setDefault(nNeighbors, 3);
    setDefault(kindSel, "all");
  }

  /** A stage with a random unique id and the defaults. */
  public EditedNearestNeighbours() {
    this(Identifiable.randomUID("editedNearestNeighbours"));
  }

  /** The {@code nNeighbors} param: the neighbours that judge a row (>= 1). */
  public IntParam nNeighbors() {
    return nNeighbors;
  }

  /** The {@code kindSel} param: all: every neighbour must agree; mode: most of them. */
  public Param<String> kindSel() {
    return kindSel;
  }

  /** The value of {@code nNeighbors}: the neighbours that judge a row (>= 1). */
  public int getNNeighbors() {
    return (Integer) $(nNeighbors);
  }

  /** The value of {@code kindSel}: all: every neighbour must agree; mode: most of them. */
  public String getKindSel() {
    return $(kindSel);
  }

  /** Sets {@code nNeighbors}: the neighbours that judge a row (>= 1). */
  public EditedNearestNeighbours setNNeighbors(int value) {
    if (value < 1) {
      throw new InvalidOptionException("n_neighbors must be at least 1, got " + value);
    }
    set(nNeighbors, value);
    return this;
  }

  /** Sets {@code kindSel}: all: every neighbour must agree; mode: most of them. */
  public EditedNearestNeighbours setKindSel(String value) {
    KindSel.parse(value);
    set(kindSel, value);
    return this;
  }

  @Override
  public String name() {
    return "EditedNearestNeighbours";
  }

  @Override
  protected void check(Input in) {
    int k = getNNeighbors();
    long total = in.counts().total();
    if (total < k + 1) {
      throw new org.imbalanced4j.DataException(name() + ": the data has " + total + " rows, but n_neighbors=" + k
          + " needs at least " + (k + 1));
    }
  }

  @Override
  protected SlabCleaning.CoreSampler inSlabs(List<String> classes) {
    int k = getNNeighbors();
    String kind = getKindSel();
    return () -> org.imbalanced4j.sampling.under.EditedNearestNeighbours.builder().optNNeighbors(k)
        .optKindSel(KindSel.parse(kind)).optSamplingStrategy(org.imbalanced4j.sampling.SamplingStrategy.classes(
            classes)).build();
  }

  @Override
  protected long[] removed(Input in, PartitionedPoints points, int largest, Gathered small) {
    int k = getNNeighbors();
    KindSel rule = KindSel.parse(getKindSel());
    int classes = in.labels().size();
    List<Gathered> judged = new ArrayList<>();
    boolean[] targetedSmall = new boolean[classes];
    for (int c = 0; c < classes; c++) {
      targetedSmall[c] = c != largest && in.target().targets(c);
    }
    judged.add(select(small, targetedSmall));
    if (in.target().targets(largest)) {
      judged.add(points.unsettled(largest, small, k));
    }
    List<Long> drop = new ArrayList<>();
    int[] labels = new int[k];
    for (Gathered g : judged) {
      KnnTable t = points.query(g, k);
      for (int q = 0; q < g.size(); q++) {
        for (int j = 0; j < k; j++) {
          labels[j] = t.label(q, j);
        }
        if (!rule.keeps(g.label()[q], labels, classes)) {
          drop.add(g.index()[q]);
        }
      }
    }
    return drop.stream().mapToLong(Long::longValue).sorted().toArray();
  }

  /** The gathered rows of the chosen classes. */
  private static Gathered select(Gathered g, boolean[] classes) {
    int d = g.d();
    int n = 0;
    for (int l : g.label()) {
      n += classes[l] ? 1 : 0;
    }
    float[] x = new float[n * d];
    long[] index = new long[n];
    int[] label = new int[n];
    int m = 0;
    for (int i = 0; i < g.size(); i++) {
      if (classes[g.label()[i]]) {
        System.arraycopy(g.x(), i * d, x, m * d, d);
        index[m] = g.index()[i];
        label[m++] = g.label()[i];
      }
    }
    return new Gathered(x, index, label, d);
  }

  /** The reader of saved {@code EditedNearestNeighbours} stages. */
  public static MLReader<EditedNearestNeighbours> read() {
    return new DefaultParamsReader<>();
  }

  /** The {@code EditedNearestNeighbours} saved at {@code path}. */
  public static EditedNearestNeighbours load(String path) {
    return read().load(path);
  }
}
