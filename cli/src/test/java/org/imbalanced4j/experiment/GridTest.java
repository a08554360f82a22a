package org.imbalanced4j.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.util.List;
import org.imbalanced4j.InvalidOptionException;
import org.imbalanced4j.data.Dataset;
import org.imbalanced4j.io.DataSource;
import org.imbalanced4j.io.Datasets;
import org.imbalanced4j.io.ReadOptions;
import org.junit.jupiter.api.Test;

class GridTest {
  static Dataset data(String name) {
    return Datasets.read(DataSource.of("builtin:" + name), ReadOptions.defaults());
  }

  static List<Candidate> parse(String yaml, Dataset d) throws Exception {
    return Grid.parse(new ObjectMapper(new YAMLFactory()).readTree(yaml), "g.yaml", d);
  }

  @Test
  void everyCombinationIsOneStrategyNamedByItsParameters() throws Exception {
    List<Candidate> g = parse("""
        samplers: [none, {SMOTE: {k_neighbors: 3}}, SMOTETomek]
        learners:
          - logistic: {class_weight: balanced}
          - mlp: {loss: focal, hidden: [16]}
        thresholds: [argmax, tuned]
        """, data("ionosphere"));
    assertThat(g).hasSize(3 * 2 * 2);
    assertThat(g).extracting(Candidate::name).contains(
        "none + logistic(class_weight=balanced) + argmax",
        "SMOTE(k_neighbors=3) + mlp(loss=focal, hidden=16) + tuned threshold");
    Candidate smote = g.stream().filter(c -> c.name().startsWith("SMOTE(")).findFirst().orElseThrow();
    assertThat(smote.sampler().apply(1).name()).isEqualTo("SMOTE");
    assertThat(g.stream().filter(Candidate::tunedThreshold).count()).isEqualTo(6);
  }

  @Test
  void theDefaultGridHasThirtySixStrategiesForTwoClassesAndNoTunedThresholdForMore() {
    assertThat(Grid.defaults(data("ionosphere"))).hasSize(36); // 3 samplers x 6 learners x 2 decisions
    List<Candidate> multi = Grid.defaults(data("glass"));
    assertThat(multi).hasSize(18).noneMatch(Candidate::tunedThreshold);
    assertThat(Grid.defaultText()).contains("samplers:").contains("# learners:");
  }

  @Test
  void imagesHaveTheirOwnDefaultGridOfImageLearnersAndRowChoosingSamplers() {
    Dataset images = new org.imbalanced4j.images.ImageSet(1, 2, 2, new byte[6 * 4], new int[] {0, 0, 0, 0, 1, 1},
        List.of("a", "b"), List.of("1", "2", "3", "4", "5", "6")).asDataset();
    List<Candidate> g = Grid.defaults(images);
    // the long-tailed literature's answers on ResNet-32 (and BBN), no threshold tuning
    assertThat(g).hasSize(7).allSatisfy(c -> assertThat(c.name()).containsPattern("resnet32\\(|bbn\\(")
        .doesNotContain("tuned"));
    assertThat(g).extracting(Candidate::name).anyMatch(n -> n.contains("loss=balanced-softmax"))
        .anyMatch(n -> n.contains("loss=ldam-drw")).anyMatch(n -> n.contains("decouple=crt"))
        .anyMatch(n -> n.contains("mix=remix")).anyMatch(n -> n.contains("class_weight=effective"));
    assertThat(Grid.defaultText(true)).contains("#   cnn: ").doesNotContain("#   logistic: ");
    assertThat(Grid.defaultText(false)).contains("#   logistic: ").doesNotContain("#   cnn: ");
  }

  @Test
  void bagsDrawTheResamplerAgainAndAreLeftOutWithoutOne() throws Exception {
    List<Candidate> g = parse("samplers: [none, SMOTE]\nlearners: [{logistic: {bags: 10}}]\n", data("ionosphere"));
    assertThat(g).extracting(Candidate::name).containsExactly("none + logistic + argmax",
        "SMOTE + logistic(bags=10) + argmax");
    assertThat(g.get(0).trainer()).isInstanceOf(org.imbalanced4j.model.LogisticRegression.class);
    assertThat(g.get(1).sampler()).isNull(); // the ensemble draws it, once per member
    assertThat(g.get(1).trainer()).isInstanceOfSatisfying(org.imbalanced4j.ensemble.BalancedBagging.class,
        b -> assertThat(b.members()).isEqualTo(10));
    assertThat(g.get(1).resampler().apply(1).name()).isEqualTo("SMOTE");
    // any learner can be bagged
    assertThat(parse("samplers: [RandomUnderSampler]\nlearners: [{knn: {bags: 3}}]", data("ionosphere")))
        .singleElement().satisfies(c -> assertThat(c.trainer().describe()).isEqualTo("bagging(knn(n_neighbors=5), bags=3)"));
    assertThatThrownBy(() -> parse("learners: [{mlp: {bags: 0}}]", data("ionosphere")))
        .hasMessageContaining("bags must be a positive whole number");
  }

  @Test
  void smoteBecomesSmotencOnCategoricalData() throws Exception {
    List<Candidate> g = parse("samplers: [SMOTE]\nlearners: [logistic]\n", data("lending_club"));
    assertThat(g).singleElement().satisfies(c -> assertThat(c.name()).startsWith("SMOTENC + logistic"));
  }

  @Test
  void mistakesNameTheEntryAndTheValidChoices() {
    Dataset d = data("ionosphere");
    assertThatThrownBy(() -> parse("learners: [svm]", d)).isInstanceOf(InvalidOptionException.class)
        .hasMessageStartingWith("g.yaml: unknown learner 'svm'; valid: logistic, knn, qda, tree, forest, ")
        .hasMessageEndingWith("bbn, autoencoder, deep-svdd, xgboost");
    assertThatThrownBy(() -> parse("samplers: [SMOOTE]\nlearners: [logistic]", d))
        .hasMessageStartingWith("g.yaml: unknown method 'SMOOTE'");
    assertThatThrownBy(() -> parse("samplers: [{SMOTE: {k: 3}}]\nlearners: [logistic]", d))
        .hasMessageStartingWith("g.yaml: ").hasMessageContaining("k_neighbors");
    assertThatThrownBy(() -> parse("learners: [{mlp: {loss: hinge}}]", d))
        .hasMessageStartingWith("g.yaml: mlp: unknown loss 'hinge'");
    assertThatThrownBy(() -> parse("learners: [{logistic: {C: big}}]", d))
        .hasMessage("g.yaml: logistic: C must be a number, got 'big'");
    assertThatThrownBy(() -> parse("learners: [{mlp: {epochs: 0}}]", d))
        .hasMessageContaining("epochs must be a positive whole number");
    assertThatThrownBy(() -> parse("learners: [logistic]\nthreshold: [tuned]", d))
        .hasMessageStartingWith("g.yaml: unknown grid key 'threshold'");
    assertThatThrownBy(() -> parse("samplers: [none]", d)).hasMessage("g.yaml: the grid needs a list of learners");
    assertThatThrownBy(() -> parse("learners: [logistic, logistic]", d))
        .hasMessage("g.yaml: the grid lists the same strategy twice");
  }

  @Test
  void autoPatienceIsFiftyEpochsAtLeastTwoThousandAndAtMostTwentyThousandSteps() {
    assertThat(org.imbalanced4j.djl.training.NetworkConfig.autoPatience(224, 128)).isEqualTo(1000); // 2 steps an epoch
    assertThat(org.imbalanced4j.djl.training.NetworkConfig.autoPatience(4000, 128)).isEqualTo(63); // 32 steps an epoch
    assertThat(org.imbalanced4j.djl.training.NetworkConfig.autoPatience(51_200, 128)).isEqualTo(50); // 400 steps
    assertThat(org.imbalanced4j.djl.training.NetworkConfig.autoPatience(64_000, 128)).isEqualTo(40); // 500 steps
    assertThat(org.imbalanced4j.djl.training.NetworkConfig.autoPatience(1_000_000, 128)).isEqualTo(3); // 7,813
  }
}
