package org.imbalanced4j.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.imbalanced4j.InvalidOptionException;
import org.imbalanced4j.catalog.Param;
import org.imbalanced4j.data.Dataset;
import org.imbalanced4j.data.Feature;
import org.imbalanced4j.data.Schema;
import org.imbalanced4j.io.Datasets;
import org.imbalanced4j.io.ReadOptions;
import org.imbalanced4j.learn.Capability;
import org.imbalanced4j.learn.Learner;
import org.imbalanced4j.learn.LearnerCatalog;
import org.imbalanced4j.model.Model;
import org.imbalanced4j.model.io.ModelDirectory;
import org.imbalanced4j.model.io.SavedModel;
import org.imbalanced4j.threshold.DecisionRule;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What every learner of the catalogue, from every module, promises: fit, save, load and predict
 * give identical probabilities (also with the columns in another order); the same seed gives the
 * same model; sample weights are honoured where declared; an unknown parameter or a bad value is
 * one clear line naming the learner. A new learner is checked by being registered.
 */
class LearnerContractTest {
  private static final Dataset ALL = Datasets.read("builtin:ionosphere", ReadOptions.defaults());
  private static final Dataset TRAIN = ALL.subset(IntStream.range(0, 160).toArray()).compact();
  private static final Dataset TEST = ALL.subset(IntStream.range(200, 260).toArray()).compact();
  private static final Dataset IMAGES = TinyImages.set(160, 1).asDataset();
  private static final Dataset IMAGE_TRAIN = IMAGES.subset(IntStream.range(0, 100).toArray());
  private static final Dataset IMAGE_TEST = IMAGES.subset(IntStream.range(100, 160).toArray());

  @TempDir Path dir;

  static Stream<String> learners() {
    List<String> names = LearnerCatalog.all().stream().map(Learner::name).toList();
    assertThat(names).contains("logistic", "knn", "mlp", "attention");
    return names.stream();
  }

  /**
   * The defaults, with networks cut to a few epochs and ensembles to a few members of shallow
   * trees: a fully grown tree has pure leaves, whose shares no weight changes (weights then act
   * only through the splits, as copies of the rows would), and many boosting rounds re-weight the
   * rows whatever weights they start from.
   */
  private static Map<String, String> quick(Learner l) {
    Map<String, String> p = new HashMap<>();
    if (l.paramNames().contains("epochs")) {
      p.put("epochs", "3");
    }
    if (l.paramNames().contains("max_depth")) {
      p.put("max_depth", "2");
    }
    if (l.paramNames().contains("n_estimators")) {
      p.put("n_estimators", "3");
    }
    if (l.paramNames().contains("boost_rounds")) {
      p.put("boost_rounds", "2");
    }
    return p;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("learners")
  void fitSaveLoadPredictGivesTheSameProbabilitiesAndTheSameSeedTheSameModel(String name) throws IOException {
    Learner l = LearnerCatalog.get(name);
    var trainer = l.create(quick(l));
    assertThat(trainer.usesValidation()).isEqualTo(l.can(Capability.VALIDATION_ROWS));
    boolean images = l.can(Capability.IMAGES);
    assertThat(images).as("a learner of tables or of images").isNotEqualTo(l.can(Capability.TABLE));
    Dataset train = images ? IMAGE_TRAIN : TRAIN;
    Dataset test = images ? IMAGE_TEST : TEST;
    Model m = trainer.fit(train, null, 5);
    assertThat(m.classes()).isEqualTo(train.schema().classNames());
    assertThat(m.schema().features()).isEqualTo(train.schema().features());
    assertThat(m.schema().imageShape()).isEqualTo(train.schema().imageShape());
    double[][] p = m.predictProba(test);
    assertThat(p).hasNumberOfRows(test.rows());
    for (double[] row : p) {
      assertThat(row[0] + row[1]).isCloseTo(1.0, org.assertj.core.api.Assertions.within(1e-9));
    }
    ModelDirectory.save(dir, m, DecisionRule.ARGMAX.toMap(m.classes()), Map.of("learner", name), train);
    SavedModel loaded = ModelDirectory.load(dir);
    assertThat(loaded.model().kind()).isEqualTo(m.kind());
    assertThat(loaded.predictProba(test)).isDeepEqualTo(p);
    if (!images) {
      assertThat(loaded.predictProba(reversedColumns(test))).isDeepEqualTo(p);
    }
    assertThat(trainer.fit(train, null, 5).predictProba(test)).as("same seed, same model").isDeepEqualTo(p);
    // rows of the other kind are refused, in one line
    assertThatThrownBy(() -> LearnerCatalog.checkInput(l, (images ? TRAIN : IMAGE_TRAIN).schema()))
        .isInstanceOf(InvalidOptionException.class).hasMessageStartingWith(name + " learns from ");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("learners")
  void sampleWeightsAreHonouredWhereDeclared(String name) {
    Learner l = LearnerCatalog.get(name);
    if (!l.can(Capability.SAMPLE_WEIGHTS)) {
      return;
    }
    var trainer = l.create(quick(l));
    double[] ones = new double[TRAIN.rows()];
    java.util.Arrays.fill(ones, 1.0);
    double[][] plain = trainer.fit(TRAIN, null, 1).predictProba(TEST);
    assertThat(trainer.fit(TRAIN.withWeights(ones), null, 1).predictProba(TEST)).isDeepEqualTo(plain);
    double[] upRare = new double[TRAIN.rows()];
    int rare = TRAIN.classCounts().minority();
    for (int i = 0; i < upRare.length; i++) {
      upRare[i] = TRAIN.label(i) == rare ? 5 : 1;
    }
    double[][] weighted = trainer.fit(TRAIN.withWeights(upRare), null, 1).predictProba(TEST);
    assertThat(mean(weighted, rare)).as("rows of the rare class weighted 5x raise its probability")
        .isGreaterThan(mean(plain, rare) + 0.01);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("learners")
  void unknownParametersAndBadValuesAreOneClearLine(String name) {
    Learner l = LearnerCatalog.get(name);
    assertThatThrownBy(() -> l.create(Map.of("no_such_parameter", "1"))).isInstanceOf(InvalidOptionException.class)
        .hasMessage(name + " has no parameter 'no_such_parameter'; its parameters: " + String.join(", ", l.paramNames()));
    for (Param p : l.params()) {
      assertThatThrownBy(() -> l.create(Map.of(p.name(), "zzz"))).as(p.name()).isInstanceOf(InvalidOptionException.class)
          .hasMessageStartingWith(name + ": ").hasMessageContaining("zzz")
          .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
      l.create(Map.of(p.name(), p.defaultValue())); // every documented default is accepted as written
    }
  }

  private static double mean(double[][] p, int c) {
    return java.util.Arrays.stream(p).mapToDouble(r -> r[c]).average().orElseThrow();
  }

  private static Dataset reversedColumns(Dataset d) {
    List<Feature> fs = new ArrayList<>(d.schema().features());
    java.util.Collections.reverse(fs);
    int f = d.features();
    float[] v = new float[d.rows() * f];
    for (int i = 0; i < d.rows(); i++) {
      for (int j = 0; j < f; j++) {
        v[i * f + j] = d.value(i, f - 1 - j);
      }
    }
    return Dataset.builder(new Schema(fs, d.schema().targetName(), d.schema().classNames())).setValues(v, d.rows())
        .setLabels(d.labels()).build();
  }
}
