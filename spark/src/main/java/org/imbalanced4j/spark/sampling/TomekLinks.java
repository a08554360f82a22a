package org.imbalanced4j.spark.sampling;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.apache.spark.ml.util.DefaultParamsReader;
import org.apache.spark.ml.util.Identifiable;
import org.apache.spark.ml.util.MLReader;
import org.imbalanced4j.sampling.SamplingStrategy;
import org.imbalanced4j.spark.neighbors.KnnTable;
import org.imbalanced4j.spark.neighbors.PartitionedPoints;
import org.imbalanced4j.spark.neighbors.PartitionedPoints.Gathered;

/**
 * Removes Tomek links on Spark, the same rows as core's and imbalanced-learn's {@code
 * TomekLinks}: rows {@code i, j} of different classes that are each other's nearest neighbour
 * (Tomek, "Two modifications of CNN", IEEE SMC 6(11), 1976); of each link the row of a targeted
 * class goes (by default every class but the minority).
 *
 * <p>Every link has an end outside the largest class, so only those rows (gathered and broadcast
 * as queries) and the rows of the largest class they find nearest are searched, exactly, over all
 * partitions ({@link PartitionedPoints#query}); the largest class itself is never moved.
 */
public final class TomekLinks extends CleaningSampler {
  private static final long serialVersionUID = 1L;

  /** A stage with the given unique id and the defaults (as Spark's reader makes it). */
  public TomekLinks(String uid) {
    super(uid);
  }

  /** A stage with a random unique id and the defaults. */
  public TomekLinks() {
    this(Identifiable.randomUID("tomekLinks"));
  }

  @Override
  public String name() {
    return "TomekLinks";
  }

  @Override
  protected SlabCleaning.CoreSampler inSlabs(java.util.List<String> classes) {
    return () -> org.imbalanced4j.sampling.under.TomekLinks.builder()
        .optSamplingStrategy(SamplingStrategy.classes(classes)).build();
  }

  @Override
  protected long[] removed(Input in, PartitionedPoints points, int largest, Gathered small) {
    KnnTable first = points.query(small, 1);
    Map<Long, Long> nearest = new HashMap<>();
    Map<Long, Integer> label = new HashMap<>();
    long[] inside = new long[small.size()];
    int m = 0;
    for (int q = 0; q < small.size(); q++) {
      long j = first.index(q, 0);
      nearest.put(small.index()[q], j);
      label.put(small.index()[q], small.label()[q]);
      if (first.label(q, 0) == largest) {
        inside[m++] = j;
      }
    }
    inside = Arrays.stream(inside, 0, m).distinct().sorted().toArray();
    Gathered big = points.gather(inside);
    KnnTable second = points.query(big, 1);
    for (int q = 0; q < big.size(); q++) {
      nearest.put(big.index()[q], second.index(q, 0));
      label.put(big.index()[q], big.label()[q]);
    }
    return nearest.entrySet().stream().filter(e -> {
      long i = e.getKey();
      long j = e.getValue();
      Long back = nearest.get(j);
      return back != null && back == i && !label.get(i).equals(label.get(j)) && in.target().targets(label.get(i));
    }).mapToLong(Map.Entry::getKey).sorted().toArray();
  }

  /** The reader of saved {@code TomekLinks} stages. */
  public static MLReader<TomekLinks> read() {
    return new DefaultParamsReader<>();
  }

  /** The {@code TomekLinks} saved at {@code path}. */
  public static TomekLinks load(String path) {
    return read().load(path);
  }
}
