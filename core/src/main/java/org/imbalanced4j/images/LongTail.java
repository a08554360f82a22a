package org.imbalanced4j.images;

import java.util.ArrayList;
import java.util.List;
import org.imbalanced4j.InvalidOptionException;
import org.imbalanced4j.data.ClassCounts;
import org.imbalanced4j.random.NumpyRandom;

/**
 * A long-tailed subset with the literature's exponential profile: class {@code c} of {@code C}
 * keeps {@code n_c = floor(n_max * ratio^(-c / (C - 1)))} rows, {@code n_max} being the largest
 * class's count, so class 0 keeps them all and the last class {@code n_max / ratio} (Cui et al.,
 * "Class-balanced loss based on effective number of samples", CVPR 2019; Cao et al., LDAM,
 * NeurIPS 2019, whose CIFAR-LT and Fashion-MNIST-LT benchmarks are made so). A class with fewer
 * rows than its target keeps all of them. The rows kept are a seeded random choice within each
 * class, returned in their original order.
 */
public final class LongTail {
  private LongTail() {}

  /** The target count of each class. */
  public static long[] targets(ClassCounts counts, double ratio) {
    if (!(ratio >= 1) || Double.isInfinite(ratio)) {
      throw new InvalidOptionException("long-tail: ratio must be a number of at least 1, got " + ratio);
    }
    int k = counts.classCount();
    long max = counts.count(counts.majority());
    long[] out = new long[k];
    for (int c = 0; c < k; c++) {
      long want = k == 1 ? max : (long) Math.floor(max * Math.pow(ratio, -(double) c / (k - 1)));
      out[c] = Math.min(counts.count(c), Math.max(1, want));
    }
    return out;
  }

  /** The rows kept, ascending. */
  public static int[] select(int[] labels, List<String> classNames, double ratio, long seed) {
    ClassCounts counts = ClassCounts.of(classNames, labels);
    long[] keep = targets(counts, ratio);
    List<List<Integer>> byClass = new ArrayList<>();
    for (int c = 0; c < classNames.size(); c++) {
      byClass.add(new ArrayList<>());
    }
    for (int i = 0; i < labels.length; i++) {
      byClass.get(labels[i]).add(i);
    }
    boolean[] kept = new boolean[labels.length];
    NumpyRandom rng = new NumpyRandom(seed);
    for (int c = 0; c < keep.length; c++) {
      List<Integer> rows = byClass.get(c);
      int[] order = rng.permutation(rows.size());
      for (int j = 0; j < keep[c]; j++) {
        kept[rows.get(order[j])] = true;
      }
    }
    int n = 0;
    int[] out = new int[(int) java.util.Arrays.stream(keep).sum()];
    for (int i = 0; i < kept.length; i++) {
      if (kept[i]) {
        out[n++] = i;
      }
    }
    return out;
  }
}
