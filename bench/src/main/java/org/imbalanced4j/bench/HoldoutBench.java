package org.imbalanced4j.bench;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.IntStream;
import org.imbalanced4j.data.Dataset;
import org.imbalanced4j.io.Datasets;
import org.imbalanced4j.io.ReadOptions;
import org.imbalanced4j.learn.LearnerCatalog;
import org.imbalanced4j.model.Model;
import org.imbalanced4j.model.Trainer;

/**
 * Times one learner of the catalogue, fit and {@code predict_proba} of the held-out rows (for
 * {@code knn}: standardising, indexing and the neighbours' votes, as scikit-learn's {@code
 * StandardScaler} + {@code KNeighborsClassifier} pipeline; for {@code qda} the same with {@code
 * QuadraticDiscriminantAnalysis}), on one CSV: rows {@code i % 5 == 4} held out, the rest trained
 * on. The median of {@code repeats} runs after warm-up; one JSON line with the time and the column
 * sums of the probabilities (to check agreement with scikit-learn's).
 *
 * <p>Usage: {@code HoldoutBench FILE repeats LEARNER [NAME=VALUE...]}
 */
public final class HoldoutBench {
  private HoldoutBench() {}

  public static void main(String[] args) throws Exception {
    Dataset d = Datasets.read(args[0], ReadOptions.defaults());
    int repeats = Integer.parseInt(args[1]);
    java.util.Map<String, String> params = new java.util.HashMap<>();
    for (int i = 3; i < args.length; i++) {
      params.put(args[i].substring(0, args[i].indexOf('=')), args[i].substring(args[i].indexOf('=') + 1));
    }
    Trainer learner = LearnerCatalog.create(args[2], params);
    Dataset train = d.subset(IntStream.range(0, d.rows()).filter(i -> i % 5 != 4).toArray()).compact();
    Dataset test = d.subset(IntStream.range(0, d.rows()).filter(i -> i % 5 == 4).toArray()).compact();
    learner.fit(train, null, 0).predictProba(test); // warm-up
    double[] t = new double[repeats];
    double[][] p = null;
    for (int r = 0; r < repeats; r++) {
      long t0 = System.nanoTime();
      Model m = learner.fit(train, null, 0);
      p = m.predictProba(test);
      t[r] = (System.nanoTime() - t0) / 1e9;
    }
    Arrays.sort(t);
    double[] sums = new double[d.classCount()];
    for (double[] row : p) {
      for (int c = 0; c < sums.length; c++) {
        sums[c] += row[c];
      }
    }
    System.out.printf(Locale.ROOT, "{\"rows\":%d,\"test_rows\":%d,\"median_seconds\":%.4f,\"proba_sums\":%s}%n",
        train.rows(), test.rows(), t[repeats / 2], Arrays.toString(sums));
  }
}
