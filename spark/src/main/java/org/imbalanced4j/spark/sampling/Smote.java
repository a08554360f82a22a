package org.imbalanced4j.spark.sampling;

import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.ml.util.DefaultParamsReader;
import org.apache.spark.ml.util.Identifiable;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.sql.catalyst.InternalRow;
import org.imbalanced4j.spark.neighbors.BroadcastNeighbors;

/**
 * SMOTE on Spark: each new row lies on the segment between a row of the class and one of its
 * {@code kNeighbors} nearest rows of the same class, {@code x_new = x_i + u (x_nn - x_i)} with
 * {@code u ~ U[0, 1)} (Chawla et al., "SMOTE: synthetic minority over-sampling technique", JAIR
 * 16, 2002), as many per class as imbalanced-learn's {@code SMOTE} makes for the same {@code
 * sampling_strategy}.
 *
 * <p>Distributed as the minority's size allows: the rows of each class to grow are gathered and
 * broadcast ({@value NeighbourSampler#DEFAULT_MAX_BROADCAST_MB} MB at most by default: 6.7 million rows
 * of 20 features), their exact neighbours found in tasks ({@link BroadcastNeighbors}), and the new
 * rows drawn in slices ({@link SyntheticRows}), so the output depends on the seed and the input
 * alone.
 *
 * <pre>{@code
 * Dataset<Row> balanced = new Smote().setKNeighbors(5).setSeed(1).resample(df);
 * }</pre>
 */
public final class Smote extends SmoteFamily {
  private static final long serialVersionUID = 1L;

  /** A stage with the given unique id and the defaults (as Spark's reader makes it). */
  public Smote(String uid) {
    super(uid);
  }

  /** A stage with a random unique id and the defaults. */
  public Smote() {
    this(Identifiable.randomUID("smote"));
  }

  @Override
  public String name() {
    return "SMOTE";
  }

  @Override
  protected JavaRDD<InternalRow> synthesise(Input in, Output out, int c, long add) {
    int k = getKNeighbors();
    long rows = in.counts().count(c);
    // the vectors' length is looked up only for a class that might not fit the broadcast
    int d = widthIfLarge(in, rows);
    if (tooLarge(rows, d)) {
      return Slabs.smote(this, in, out, c, add, k, d);
    }
    float[] x = gatherFeatures(in, out, c);
    int n = (int) rows;
    d = x.length / n;
    int[] nn = BroadcastNeighbors.self(out.jsc(), x, n, d, k, 2 * out.jsc().defaultParallelism());
    return new SyntheticRows(x, x, nn, k, d).make(out.jsc(), add, 1.0, mix(in.seed(), 7_919L * (c + 1)),
        out.shape(in, c));
  }

  /** The reader of saved {@code Smote} stages. */
  public static MLReader<Smote> read() {
    return new DefaultParamsReader<>();
  }

  /** The {@code Smote} saved at {@code path}. */
  public static Smote load(String path) {
    return read().load(path);
  }
}
