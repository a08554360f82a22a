package org.imbalanced4j.ensemble;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.LongFunction;
import org.imbalanced4j.data.Dataset;
import org.imbalanced4j.experiment.Candidate;
import org.imbalanced4j.experiment.CrossValidator;
import org.imbalanced4j.io.Datasets;
import org.imbalanced4j.io.ReadOptions;
import org.imbalanced4j.model.KNeighbors;
import org.imbalanced4j.model.LinearModel;
import org.imbalanced4j.model.LogisticRegression;
import org.imbalanced4j.model.Model;
import org.imbalanced4j.model.Trainer;
import org.imbalanced4j.sampling.Sampler;
import org.imbalanced4j.sampling.SamplerCatalog;
import org.junit.jupiter.api.Test;

class BalancedBaggingTest {
  private static final Dataset D = Datasets.read("builtin:ionosphere", ReadOptions.defaults());
  private static final LongFunction<Sampler> SMOTE = seed -> SamplerCatalog.create("SMOTE", Map.of(), seed);

  @Test
  void linearMembersAverageTheirLogitsIntoOneLinearModel() {
    LogisticRegression lr = LogisticRegression.builder().optMaxIter(100).build();
    Model bagged = new BalancedBagging(lr, SMOTE, 3).fit(D, null, 7);
    double[][] mean = new double[D.rows()][2];
    long[][] seeds = BalancedBagging.memberSeeds(7, 3);
    for (int b = 0; b < 3; b++) {
      Dataset draw = SMOTE.apply(seeds[b][2]).fitResample(D).data();
      double[][] z = ((LinearModel) lr.fit(draw, null, seeds[b][1])).logits(D);
      for (int i = 0; i < z.length; i++) {
        for (int c = 0; c < 2; c++) {
          mean[i][c] += z[i][c] / 3;
        }
      }
    }
    assertThat(bagged).isInstanceOf(LinearModel.class);
    double[][] got = ((LinearModel) bagged).logits(D);
    for (int i = 0; i < got.length; i++) {
      assertThat(got[i]).containsExactly(mean[i], within(1e-6)); // models read features as floats
    }
    assertThat(bagged.provenance().parameters()).containsEntry("bags", 3);
    // the draws differ, so one draw is not the average
    Model one = CrossValidator.fit(D, new Candidate("one", SMOTE, lr, false), 7).model();
    assertThat(((LinearModel) one).logits(D)[0][1]).isNotCloseTo(got[0][1], within(1e-3));
  }

  @Test
  void otherMembersAverageTheirProbabilitiesAndEachGetsItsOwnSeed() {
    List<Long> seeds = java.util.Collections.synchronizedList(new ArrayList<>());
    Trainer knn = new KNeighbors(5, false);
    Trainer recording = new Trainer() {
      @Override
      public String describe() {
        return "knn, seeds recorded";
      }

      @Override
      public Model fit(Dataset train, Dataset validation, long seed) {
        seeds.add(seed);
        return knn.fit(train, validation, seed);
      }
    };
    LongFunction<Sampler> under = seed -> SamplerCatalog.create("RandomUnderSampler", Map.of(), seed);
    Model bagged = new BalancedBagging(recording, under, 4).fit(D, null, 11);
    assertThat(bagged).isInstanceOf(MeanModel.class);
    long[][] member = BalancedBagging.memberSeeds(11, 4);
    // members fit on all cores, each with its learner seed
    assertThat(seeds).containsExactlyInAnyOrder(member[0][1], member[1][1], member[2][1], member[3][1]);
    double[][] expected = new double[D.rows()][2];
    for (int b = 0; b < 4; b++) {
      double[][] p = knn.fit(under.apply(member[b][2]).fitResample(D).data(), null, member[b][1]).predictProba(D);
      for (int i = 0; i < p.length; i++) {
        expected[i][0] += p[i][0] / 4;
        expected[i][1] += p[i][1] / 4;
      }
    }
    double[][] got = bagged.predictProba(D);
    for (int i = 0; i < got.length; i++) {
      assertThat(got[i]).containsExactly(expected[i], within(1e-12));
    }
    // a different seed draws different bags
    assertThat(new BalancedBagging(knn, under, 4).fit(D, null, 12).predictProba(D)).isNotEqualTo(got);
  }

  @Test
  void aCandidateWithABalancedEnsembleReportsItsResampler() {
    Candidate c = new Candidate("bagged", null, new BalancedBagging(new KNeighbors(3, false), SMOTE, 2), false);
    assertThat(c.resampler()).isSameAs(SMOTE);
    assertThat(new Candidate("plain", null, new KNeighbors(3, false), false).resampler()).isNull();
  }
}
