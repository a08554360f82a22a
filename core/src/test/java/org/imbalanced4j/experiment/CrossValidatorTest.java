package org.imbalanced4j.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.imbalanced4j.data.Dataset;
import org.imbalanced4j.data.Feature;
import org.imbalanced4j.data.Schema;
import org.imbalanced4j.io.Datasets;
import org.imbalanced4j.io.ReadOptions;
import org.imbalanced4j.model.LinearModel;
import org.imbalanced4j.model.LogisticRegression;
import org.imbalanced4j.model.Model;
import org.imbalanced4j.sampling.Resampled;
import org.imbalanced4j.sampling.Sampler;
import org.imbalanced4j.sampling.SamplerCatalog;
import org.imbalanced4j.sampling.SamplerKind;
import org.imbalanced4j.sampling.SamplingStrategy;
import org.imbalanced4j.sampling.SamplingTarget;
import org.imbalanced4j.split.Split;
import org.junit.jupiter.api.Test;

class CrossValidatorTest {
  /** The data with an extra feature holding each row's index, to trace rows. */
  static Dataset traced() {
    return traced(Datasets.read("builtin:glass", ReadOptions.defaults()));
  }

  static Dataset traced(Dataset d) {
    List<Feature> fs = new ArrayList<>(d.schema().features());
    fs.add(Feature.numeric("row_id"));
    int f = d.features() + 1;
    float[] v = new float[d.rows() * f];
    for (int i = 0; i < d.rows(); i++) {
      d.copyRow(i, v, i * f);
      v[i * f + f - 1] = i;
    }
    return Dataset.builder(new Schema(fs, "class", d.schema().classNames())).setValues(v, d.rows())
        .setLabels(d.labels()).build();
  }

  /** A resampler that remembers every row it is given and keeps them all. */
  static final class Recorder extends Sampler {
    final Set<Integer> seen = new HashSet<>();
    /** The rows of each call, in call order. */
    final List<Set<Integer>> calls = new ArrayList<>();

    Recorder() {
      super(SamplingStrategy.auto());
    }

    @Override
    public String name() {
      return "Recorder";
    }

    @Override
    public SamplerKind kind() {
      return SamplerKind.CLEANING;
    }

    @Override
    protected Resampled resample(Dataset data, SamplingTarget target) {
      Set<Integer> call = new HashSet<>();
      for (int i = 0; i < data.rows(); i++) {
        call.add((int) data.value(i, data.features() - 1));
      }
      seen.addAll(call);
      calls.add(call);
      int[] all = java.util.stream.IntStream.range(0, data.rows()).toArray();
      return new Resampled(data.subset(all), all);
    }
  }

  @Test
  void theResamplerNeverSeesARowOfTheTestFold() {
    Dataset d = traced();
    CrossValidator cv = CrossValidator.builder().optFolds(5).optSeed(3).build();
    for (boolean tuned : new boolean[] {false, true}) {
      for (Split s : cv.splits(d.labels())) {
        Recorder r = new Recorder();
        Candidate c = new Candidate("recorder", seed -> r, LogisticRegression.builder().optMaxIter(50).build(), tuned);
        cv.runFold(d, c, s);
        Set<Integer> test = new HashSet<>();
        for (int i : s.test()) {
          test.add(i);
        }
        assertThat(r.seen).isNotEmpty().doesNotContainAnyElementsOf(test);
      }
    }
  }

  /** A trainer that stops early on validation rows: logistic regression that counts its fits. */
  static final class EarlyStopping implements org.imbalanced4j.model.Trainer {
    final LogisticRegression inner = LogisticRegression.builder().optMaxIter(50).build();
    final Set<Integer> validationRows = new HashSet<>();
    /** The validation rows of each fit, in fit order. */
    final List<Set<Integer>> validations = new ArrayList<>();
    int fits;

    @Override
    public String describe() {
      return "early-stopping";
    }

    @Override
    public boolean usesValidation() {
      return true;
    }

    @Override
    public org.imbalanced4j.model.Model fit(Dataset train, Dataset validation, long seed) {
      fits++;
      Set<Integer> v = new HashSet<>();
      for (int i = 0; i < validation.rows(); i++) {
        v.add((int) validation.value(i, validation.features() - 1));
      }
      validationRows.addAll(v);
      validations.add(v);
      return inner.fit(train, validation, seed);
    }
  }

  /** 1,000 rows of satimage: {@code rare} of its rare class, the rest of the other. */
  static Dataset satimage(int rare) {
    Dataset sat = Datasets.read("builtin:satimage", ReadOptions.defaults());
    int minority = sat.classCounts().minority();
    int[] rows = new int[1000];
    int a = 0;
    int b = rare;
    for (int i = 0; i < sat.rows() && (a < rare || b < rows.length); i++) {
      if (sat.labels()[i] == minority && a < rare) {
        rows[a++] = i;
      } else if (sat.labels()[i] != minority && b < rows.length) {
        rows[b++] = i;
      }
    }
    return traced(sat.subset(rows).compact());
  }

  @Test
  void aNetworksTunedThresholdComesFromItsOwnValidationRowsInOneFit() {
    Dataset d = satimage(300); // a fifth holds 60 rows of each class: one split is enough
    assertThat(d.classCount()).isEqualTo(2);
    Recorder r = new Recorder();
    EarlyStopping t = new EarlyStopping();
    CrossValidator.Fitted f = CrossValidator.fit(d, new Candidate("net", seed -> r, t, true), 5);
    assertThat(t.fits).isEqualTo(1);
    assertThat(t.validationRows).hasSize(Math.round(d.rows() * 0.2f)).doesNotContainAnyElementsOf(r.seen);
    assertThat(((org.imbalanced4j.threshold.DecisionRule.Threshold) f.rule()).threshold()).isBetween(0.0, 1.0);
    EarlyStopping plain = new EarlyStopping();
    assertThat(CrossValidator.fit(d, new Candidate("net", null, plain, false), 5).rule())
        .isEqualTo(org.imbalanced4j.threshold.DecisionRule.ARGMAX);
    assertThat(plain.validationRows).isEqualTo(t.validationRows); // the same fit as the argmax candidate's
  }

  @Test
  void aSmallTableWithARareClassCrossFitsFiveMembersEachStoppedOnItsOwnFifth() {
    Dataset d = satimage(60); // a fifth would hold 12 rare rows
    Recorder r = new Recorder();
    EarlyStopping t = new EarlyStopping();
    List<Integer> tunedOn = new ArrayList<>();
    Candidate.Tuner tuner = (positive, score, rare) -> {
      tunedOn.add(positive.length);
      return Candidate.Tuner.F1.choose(positive, score, rare);
    };
    CrossValidator.Fitted f = CrossValidator.fit(d, new Candidate("net", seed -> r, t, true).tunedBy(tuner), 5);
    assertThat(t.fits).isEqualTo(CrossFit.FOLDS);
    assertThat(r.calls).hasSize(CrossFit.FOLDS);
    int validated = 0;
    for (int k = 0; k < CrossFit.FOLDS; k++) {
      assertThat(r.calls.get(k)).doesNotContainAnyElementsOf(t.validations.get(k)); // real rows stop each member
      assertThat(r.calls.get(k).size() + t.validations.get(k).size()).isEqualTo(d.rows());
      validated += t.validations.get(k).size();
    }
    assertThat(validated).isEqualTo(d.rows()); // every row stops exactly one member
    assertThat(t.validationRows).hasSize(d.rows());
    assertThat(tunedOn).containsExactly(d.rows()); // the threshold on every row's out-of-fold probability
    assertThat(f.model()).isInstanceOf(org.imbalanced4j.ensemble.MeanModel.class);
    List<Model> members = ((org.imbalanced4j.ensemble.MeanModel) f.model()).members();
    double[][] p = f.model().predictProba(d);
    double mean = 0;
    for (Model m : members) {
      mean += m.predictProba(d)[7][1] / members.size();
    }
    assertThat(p[7][1]).isCloseTo(mean, within(1e-12));
  }

  @Test
  void aResamplerThatAFifthWouldStarveKeepsOneSplit() {
    Dataset glass = traced();
    int six = glass.schema().classNames().indexOf("6"); // 9 rows
    Dataset train = CrossValidator.builder().optFolds(5).optSeed(0).build().splits(glass.labels()).stream()
        .map(sp -> glass.subset(sp.train())).filter(t -> t.classCounts().counts()[six] == 7).findFirst().orElseThrow();
    // class '6' has 7 training rows: a part that leaves out 2 trains on 5, fewer than SMOTE's 6
    EarlyStopping smoteFed = new EarlyStopping();
    CrossValidator.fit(train, new Candidate("smote", seed -> SamplerCatalog.create("SMOTE", Map.of(), seed), smoteFed,
        false), 0);
    assertThat(smoteFed.fits).isEqualTo(1);
    EarlyStopping plain = new EarlyStopping();
    CrossValidator.fit(train, new Candidate("plain", null, plain, false), 0);
    assertThat(plain.fits).isEqualTo(CrossFit.FOLDS);
  }

  @Test
  void crossFittingIsForSmallTablesWithARareClass() {
    int[] rare = new int[1000];
    java.util.Arrays.fill(rare, 0, 249, 1);
    assertThat(CrossFit.applies(rare, false)).isTrue();
    assertThat(CrossFit.applies(rare, true)).isFalse(); // images: one fit per split
    java.util.Arrays.fill(rare, 0, 250, 1);
    assertThat(CrossFit.applies(rare, false)).isFalse(); // a fifth holds 50 of each class
    int[] large = new int[CrossFit.MAX_ROWS + 1];
    large[0] = 1;
    assertThat(CrossFit.applies(large, false)).isFalse();
    assertThat(CrossFit.applies(new int[] {0, 1, 0, 1, 0, 1, 0, 1}, false)).isFalse(); // too few rows for five parts
  }

  /** A trainer without validation rows that counts its fits (thread-safe). */
  static final class Counting implements org.imbalanced4j.model.Trainer {
    final LogisticRegression inner = LogisticRegression.builder().optMaxIter(50).build();
    final java.util.concurrent.atomic.AtomicInteger fits = new java.util.concurrent.atomic.AtomicInteger();

    @Override
    public String describe() {
      return "counting";
    }

    @Override
    public org.imbalanced4j.model.Model fit(Dataset train, Dataset validation, long seed) {
      fits.incrementAndGet();
      return inner.fit(train, validation, seed);
    }
  }

  @Test
  void argmaxAndTunedVariantsShareOneFitPerSplitAndScoreAsAlone() throws Exception {
    Dataset sat = Datasets.read("builtin:satimage", ReadOptions.defaults());
    Dataset d = sat.subset(java.util.stream.IntStream.range(0, 1500).toArray()).compact();
    CrossValidator cv = CrossValidator.builder().optFolds(3).optSeed(2).build();
    for (boolean validating : new boolean[] {false, true}) {
      java.util.function.Supplier<org.imbalanced4j.model.Trainer> make = () -> validating ? new EarlyStopping()
          : new Counting();
      org.imbalanced4j.model.Trainer shared = make.get();
      Candidate argmax = new Candidate("lr + argmax", null, shared, false, "lr");
      Candidate tuned = new Candidate("lr + tuned threshold", null, shared, true, "lr");
      java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
      try {
        for (Split s : cv.splits(d.labels())) {
          SharedFits fits = new SharedFits();
          var a = pool.submit(() -> cv.runFold(d, argmax, s, fits));
          var t = pool.submit(() -> cv.runFold(d, tuned, s, fits));
          FoldResult alone = cv.runFold(d, new Candidate("x", null, make.get(), false), s);
          FoldResult aloneTuned = cv.runFold(d, new Candidate("y", null, make.get(), true), s);
          assertThat(a.get().metrics()).isEqualTo(alone.metrics());
          assertThat(a.get().proba()).isEqualTo(alone.proba());
          assertThat(t.get().metrics()).isEqualTo(aloneTuned.metrics());
          assertThat(t.get().predicted()).isEqualTo(aloneTuned.predicted());
          assertThat(a.get().seconds()).isPositive(); // each variant is charged the shared fit (no timing asserted)
          assertThat(t.get().seconds()).isPositive();
        }
      } finally {
        pool.shutdownNow();
      }
      // one fit per split shared by both (cross-fitted here: 1,000 training rows, a rare class of
      // some 100); a tuned logistic threshold adds its inner fit on 3/4 of the rows
      int fits = validating ? ((EarlyStopping) shared).fits : ((Counting) shared).fits.get();
      assertThat(fits).isEqualTo(validating ? 3 * CrossFit.FOLDS : 6);
    }
  }

  @Test
  void balancedWeightsAndSmoteRaiseMinorityRecallOverFolds() {
    Dataset d = Datasets.read("builtin:satimage", ReadOptions.defaults());
    Dataset small = d.subset(java.util.stream.IntStream.range(0, 2000).toArray());
    CrossValidator cv = CrossValidator.builder().optFolds(3).optSeed(1).build();
    double plain = meanRecall(cv.run(small, new Candidate("plain", null, LogisticRegression.builder().optMaxIter(150).build(), false)));
    double weighted = meanRecall(cv.run(small, new Candidate("balanced", null,
        LogisticRegression.builder().optMaxIter(150).optClassWeight("balanced").build(), false)));
    double smote = meanRecall(cv.run(small, new Candidate("smote",
        seed -> SamplerCatalog.create("SMOTE", Map.of(), seed), LogisticRegression.builder().optMaxIter(150).build(), false)));
    assertThat(weighted).isGreaterThan(plain + 0.1);
    assertThat(smote).isGreaterThan(plain + 0.1);
  }

  private static double meanRecall(List<FoldResult> r) {
    assertThat(r).hasSize(3);
    return r.stream().mapToDouble(f -> f.metrics().get("recall_class_1")).average().orElseThrow();
  }
}
