package org.imbalanced4j.tree;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.imbalanced4j.DataException;
import org.imbalanced4j.data.Dataset;
import org.imbalanced4j.model.Model;
import org.imbalanced4j.model.Provenance;
import org.imbalanced4j.model.Standardizer;
import org.imbalanced4j.model.Trainer;
import org.imbalanced4j.sampling.SamplingStrategy;
import org.imbalanced4j.sampling.under.RandomUnderSampler;

/**
 * AdaBoost of small trees as scikit-learn's {@code AdaBoostClassifier} runs it (Freund and
 * Schapire 1997; multi-class as Zhu, Zou, Rosset and Hastie, "Multi-class AdaBoost", 2009), and
 * RUSBoost (Seiffert, Khoshgoftaar, Van Hulse and Napolitano, IEEE SMC-A 40, 2010) when each round
 * first under-samples the classes, as imbalanced-learn's {@code RUSBoostClassifier}, or SMOTEBoost
 * (Chawla, Lazarevic, Hall and Bowyer, PKDD 2003) when each round adds SMOTE's synthetic rows (every
 * class to the majority's count), each weighted as the mean weight of its class's rows that round;
 * the error and the weight update are taken on the real rows only.
 *
 * <p>Row weights start at {@code 1/n}. Each round first raises every weight that did not start at 0
 * to at least 2.2e-16, as scikit-learn 1.2 does (its issue 20320): without that floor SAMME.R's
 * updates of leaves that a small under-sample makes pure ({@code exp(+-18)} a round) drive the rare
 * rows' weights to nothing, and RUSBoost's later rounds stop seeing them. Round t fits a tree to the weighted rows (RUSBoost: to a
 * random under-sample of them, with their weights), and with its leaf distributions {@code v(x)}
 * on every training row and its weighted error {@code e = sum_i w_i [argmax v(x_i) != y_i] / sum_i
 * w_i}:
 *
 * <ul>
 *   <li>SAMME.R: {@code w_i *= exp(-lr (K-1)/K sum_c y_ic log v_c(x_i))} with {@code y_ic = 1} for
 *       the true class and {@code -1/(K-1)} otherwise (v clipped at 2.2e-16);
 *   <li>SAMME: the round's weight is {@code a = lr (log((1-e)/e) + log(K-1))} and misclassified rows
 *       get {@code w_i *= exp(a)}; a round no better than chance ({@code e >= 1 - 1/K}) is dropped
 *       and ends boosting;
 * </ul>
 *
 * <p>then the weights are normalised. A perfect round ({@code e = 0}) ends boosting; the last round
 * does not update the weights. Probabilities: {@link ForestModel.Combine}.
 */
public final class Boosting implements Trainer {
  /** The clip of probabilities before a log: numpy's float64 epsilon. */
  static final double EPS = Math.ulp(1.0);

  private final String name;
  private final int rounds;
  private final double rate;
  private final boolean real;
  private final TreeParams tree;
  private final SamplingStrategy underSample;
  private final boolean replacement;
  private final int smoteNeighbors;
  private final Map<String, String> given;

  /**
   * @param real SAMME.R (true) or SAMME
   * @param underSample each round's under-sampling target (RUSBoost), or null
   * @param smoteNeighbors SMOTE's k of each round (SMOTEBoost), or 0
   */
  public Boosting(String name, int rounds, double rate, boolean real, TreeParams tree, SamplingStrategy underSample,
      boolean replacement, int smoteNeighbors, Map<String, String> given) {
    if (rounds < 1 || !(rate > 0)) {
      throw new IllegalArgumentException("boosting needs at least one round and a positive rate");
    }
    this.name = name;
    this.rounds = rounds;
    this.rate = rate;
    this.real = real;
    this.tree = tree;
    this.underSample = underSample;
    this.replacement = replacement;
    this.smoteNeighbors = smoteNeighbors;
    this.given = new java.util.TreeMap<>(given);
  }

  @Override
  public String describe() {
    return org.imbalanced4j.catalog.Params.label(name, given);
  }

  @Override
  public Model fit(Dataset train, Dataset validation, long seed) {
    int n = train.rows();
    int k = train.classCount();
    if (n == 0) {
      throw new DataException(name + ": no training rows");
    }
    Standardizer std = Standardizer.fit(train);
    float[] x = std.transform(train);
    int width = std.width();
    Bins bins = Bins.of(x, n, width);
    int[] y = train.labels();
    double[] w = new double[n];
    double sum = 0;
    for (int i = 0; i < n; i++) {
      w[i] = train.hasWeights() ? train.weight(i) : 1;
      sum += w[i];
    }
    boolean[] zero = new boolean[n];
    for (int i = 0; i < n; i++) {
      zero[i] = w[i] == 0;
    }
    for (int i = 0; i < n; i++) {
      w[i] /= sum;
    }
    int[] all = new int[n];
    for (int i = 0; i < n; i++) {
      all[i] = i;
    }
    List<Tree> trees = new ArrayList<>();
    List<Double> alphas = new ArrayList<>();
    int[] columns = std.numericFirst();
    TreeGrower grower = new TreeGrower(bins, y, k, tree, columns);
    double[] v = new double[k];
    org.imbalanced4j.random.NumpyRandom seeds = new org.imbalanced4j.random.NumpyRandom(seed & 0xffffffffL);
    for (int t = 0; t < rounds; t++) {
      for (int i = 0; i < n; i++) {
        w[i] = zero[i] ? 0 : Math.max(w[i], EPS);
      }
      long treeSeed = seeds.randint(Integer.MAX_VALUE); // as _set_random_states: the tree's, then the sampler's
      long roundSeed = underSample != null || smoteNeighbors > 0 ? seeds.randint(Integer.MAX_VALUE) : treeSeed;
      int[] rows = underSample == null ? positive(all, w)
          : positive(RandomUnderSampler.builder().optSamplingStrategy(underSample).optReplacement(replacement)
              .optSeed(roundSeed).build().sampleIndices(y, k), w);
      if (rows.length == 0) {
        break;
      }
      Tree h;
      if (smoteNeighbors > 0) {
        h = smoteRound(train, std, bins, columns, y, k, w, roundSeed);
      } else if (underSample != null) {
        h = underSampledRound(x, width, y, k, w, rows, columns, new RandR(treeSeed));
      } else {
        h = grower.grow(rows, w, new RandR(treeSeed));
      }
      double wrong = 0;
      double total = 0;
      boolean[] miss = new boolean[n];
      double[] update = new double[n];
      for (int i = 0; i < n; i++) {
        java.util.Arrays.fill(v, 0);
        h.addProba(x, i * width, 1, v);
        miss[i] = argmax(v) != y[i];
        wrong += miss[i] ? w[i] : 0;
        total += w[i];
        if (real) {
          double s = 0;
          for (int c = 0; c < k; c++) {
            s += (c == y[i] ? 1 : -1.0 / (k - 1)) * Math.log(Math.max(v[c], EPS));
          }
          update[i] = -rate * (k - 1.0) / k * s;
        }
      }
      double error = wrong / total;
      if (error <= 0) {
        trees.add(h);
        alphas.add(1.0);
        break;
      }
      double alpha = 1;
      if (!real) {
        if (error >= 1 - 1.0 / k) {
          if (trees.isEmpty()) {
            throw new DataException(name + ": the first tree is no better than chance (weighted error "
                + String.format(java.util.Locale.ROOT, "%.3f", error) + "); boosting cannot start");
          }
          break;
        }
        alpha = rate * (Math.log((1 - error) / error) + Math.log(k - 1.0));
      }
      trees.add(h);
      alphas.add(alpha);
      if (t == rounds - 1) {
        break;
      }
      double s = 0;
      for (int i = 0; i < n; i++) {
        if (real) {
          w[i] *= Math.exp(update[i] * ((w[i] > 0 || update[i] < 0) ? 1 : 0));
        } else if (miss[i] && w[i] > 0) {
          w[i] *= Math.exp(alpha);
        }
        s += w[i];
      }
      if (!(s > 0) || Double.isInfinite(s)) {
        break;
      }
      for (int i = 0; i < n; i++) {
        w[i] /= s;
      }
    }
    double[] a = alphas.stream().mapToDouble(Double::doubleValue).toArray();
    return new ForestModel(train.schema(), std, trees, real ? ForestModel.Combine.SAMME_R : ForestModel.Combine.SAMME,
        real ? null : a, new Provenance(describe(), new java.util.LinkedHashMap<>(given), seed, n + " rows"));
  }

  /**
   * One RUSBoost round's tree: grown on the under-sample alone, in its order and with its repeats,
   * binned afresh, so that its thresholds lie half-way between the under-sample's neighbouring
   * values as scikit-learn's do (the whole fold's bins would put them between the fold's).
   */
  private Tree underSampledRound(float[] x, int width, int[] y, int k, double[] w, int[] rows, int[] columns,
      RandR rng) {
    int m = rows.length;
    float[] sx = new float[m * width];
    int[] sy = new int[m];
    double[] sw = new double[m];
    int[] local = new int[m];
    for (int r = 0; r < m; r++) {
      System.arraycopy(x, rows[r] * width, sx, r * width, width);
      sy[r] = y[rows[r]];
      sw[r] = w[rows[r]];
      local[r] = r;
    }
    return new TreeGrower(Bins.of(sx, m, width), sy, k, tree, columns).grow(local, sw, rng);
  }

  /** One SMOTEBoost round's tree: the real rows with their weights and SMOTE's synthetic rows. */
  private Tree smoteRound(Dataset train, Standardizer std, Bins bins, int[] columns, int[] y, int k, double[] w,
      long seed) {
    String method = !train.schema().hasCategorical() ? "SMOTE"
        : train.schema().categoricalIndices().length == train.features() ? "SMOTEN" : "SMOTENC";
    org.imbalanced4j.sampling.Resampled r = org.imbalanced4j.sampling.SamplerCatalog.create(method,
        Map.of("k_neighbors", Integer.toString(smoteNeighbors)), seed & 0xffffffffL).fitResample(train);
    int[] src = r.source();
    int[] made = java.util.stream.IntStream.range(0, src.length).filter(i -> src[i] < 0).toArray();
    int n = y.length;
    double[] classMean = new double[k];
    long[] count = new long[k];
    for (int i = 0; i < n; i++) {
      classMean[y[i]] += w[i];
      count[y[i]]++;
    }
    for (int c = 0; c < k; c++) {
      classMean[c] = count[c] == 0 ? 0 : classMean[c] / count[c];
    }
    Bins all = bins.extend(std.transform(r.data(), made), made.length);
    int[] y2 = java.util.Arrays.copyOf(y, n + made.length);
    double[] w2 = java.util.Arrays.copyOf(w, n + made.length);
    for (int i = 0; i < made.length; i++) {
      y2[n + i] = r.data().label(made[i]);
      w2[n + i] = classMean[y2[n + i]];
    }
    int[] rows = java.util.stream.IntStream.range(0, n + made.length).filter(i -> w2[i] > 0).toArray();
    return new TreeGrower(all, y2, k, tree, columns).grow(rows, w2, new SplittableRandom(seed));
  }

  /** The rows of {@code rows} with positive weight. */
  private static int[] positive(int[] rows, double[] w) {
    return java.util.Arrays.stream(rows).filter(i -> w[i] > 0).toArray();
  }

  static int argmax(double[] v) {
    int best = 0;
    for (int c = 1; c < v.length; c++) {
      if (v[c] > v[best]) {
        best = c;
      }
    }
    return best;
  }
}
