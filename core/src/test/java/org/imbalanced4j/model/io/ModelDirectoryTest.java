package org.imbalanced4j.model.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.IntStream;
import org.imbalanced4j.DataException;
import org.imbalanced4j.data.Dataset;
import org.imbalanced4j.ensemble.BalancedBagging;
import org.imbalanced4j.io.Datasets;
import org.imbalanced4j.io.ReadOptions;
import org.imbalanced4j.learn.LearnerCatalog;
import org.imbalanced4j.model.KNeighbors;
import org.imbalanced4j.model.LinearModel;
import org.imbalanced4j.model.Model;
import org.imbalanced4j.sampling.SamplerCatalog;
import org.imbalanced4j.threshold.DecisionRule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Model directories in the core module alone, with no deep-learning engine on the class path:
 * every core kind saves and loads itself (an ensemble with its members in sub-directories), the
 * decision rule travels with it, a directory of format version 1 is still read, and what cannot
 * be read is one clear line.
 */
class ModelDirectoryTest {
  private static final ObjectMapper OM = new ObjectMapper();
  private static final Dataset D = Datasets.read("builtin:ionosphere", ReadOptions.defaults());
  private static final Dataset TRAIN = D.subset(IntStream.range(0, 250).toArray()).compact();
  private static final Dataset TEST = D.subset(IntStream.range(250, D.rows()).toArray()).compact();

  @TempDir Path dir;

  @Test
  void everyCoreKindSavesAndLoadsWithItsDecisionRuleAndNoEngine() throws IOException {
    Model linear = LearnerCatalog.create("logistic", Map.of("class_weight", "balanced")).fit(TRAIN, null, 0);
    Model knn = new KNeighbors(5, true).fit(TRAIN, null, 0);
    Model mean = new BalancedBagging(new KNeighbors(3, false),
        s -> SamplerCatalog.create("RandomUnderSampler", Map.of(), s), 3).fit(TRAIN, null, 4);
    DecisionRule rule = new DecisionRule.CostMatrix(java.util.List.of(java.util.List.of(0.0, 1.0),
        java.util.List.of(4.0, 0.0)));
    Model forest = LearnerCatalog.create("balanced-forest", Map.of("n_estimators", "5")).fit(TRAIN, null, 0);
    Model anomaly = LearnerCatalog.create("iforest", Map.of("n_estimators", "10")).fit(TRAIN, null, 0);
    Model qda = LearnerCatalog.create("qda", Map.of("reg_param", "0.1")).fit(TRAIN, null, 0);
    for (Model m : java.util.List.of(linear, knn, mean, forest, anomaly, qda)) {
      Path d = dir.resolve(m.kind());
      ModelDirectory.save(d, m, rule.toMap(m.classes()), Map.of("note", "test"), TRAIN);
      SavedModel s = ModelDirectory.load(d);
      assertThat(s.model().kind()).isEqualTo(m.kind());
      assertThat(s.model().getClass()).isEqualTo(m.getClass());
      assertThat(s.predictProba(TEST)).isDeepEqualTo(m.predictProba(TEST));
      assertThat(s.rule()).isEqualTo(rule);
      assertThat(s.config().get("note").asText()).isEqualTo("test");
      var meta = OM.readTree(d.resolve("model.json").toFile());
      assertThat(meta.get("format").asText()).isEqualTo("imbalanced4j-model");
      assertThat(meta.get("format_version").asInt()).isEqualTo(2);
      assertThat(meta.get("versions").has("pytorch")).isFalse();
    }
    assertThat(Files.isDirectory(dir.resolve("mean/member-2"))).isTrue();
  }

  @Test
  void aVersionOneDirectoryIsStillRead() throws IOException {
    LinearModel m = (LinearModel) LearnerCatalog.create("logistic", Map.of()).fit(TRAIN, null, 0);
    ModelDirectory.save(dir, m, DecisionRule.ARGMAX.toMap(m.classes()), Map.of(), TRAIN);
    ObjectNode v2 = (ObjectNode) OM.readTree(dir.resolve("model.json").toFile());
    ObjectNode v1 = v2.deepCopy();
    v1.put("format", "imbalanced4j-model/1");
    v1.remove(java.util.List.of("format_version", "kind", "model"));
    v1.set("standardizer", v2.get("model").get("standardizer"));
    v1.set("linear", OM.createObjectNode().put("classes", 2).set("weights", v2.get("model").get("weights")));
    Files.writeString(dir.resolve("model.json"), v1.toString());
    assertThat(ModelDirectory.load(dir).predictProba(TEST)).isDeepEqualTo(m.predictProba(TEST));
  }

  @Test
  void whatCannotBeReadIsOneClearLine() throws IOException {
    assertThatThrownBy(() -> ModelDirectory.load(dir)).isInstanceOf(DataException.class)
        .hasMessage(dir + ": not a model directory (no model.json; make one with imb train or imb compare)");
    Model m = new KNeighbors(3, false).fit(TRAIN, null, 0);
    ModelDirectory.save(dir, m, DecisionRule.ARGMAX.toMap(m.classes()), Map.of(), TRAIN);
    ObjectNode meta = (ObjectNode) OM.readTree(dir.resolve("model.json").toFile());
    Files.writeString(dir.resolve("model.json"), meta.deepCopy().put("kind", "network").toString());
    assertThatThrownBy(() -> ModelDirectory.load(dir)).isInstanceOf(DataException.class)
        .hasMessageContaining("no reader for models of kind 'network' (known: anomaly, forest, knn, linear, mean, qda)")
        .hasMessageContaining("is the module that makes them on the class path?");
    Files.writeString(dir.resolve("model.json"), meta.deepCopy().put("format_version", 3).toString());
    assertThatThrownBy(() -> ModelDirectory.load(dir)).hasMessageContaining("a newer imbalanced4j wrote it");
    Files.writeString(dir.resolve("model.json"), meta.toString());
    Files.delete(dir.resolve("rows.bin"));
    assertThatThrownBy(() -> ModelDirectory.load(dir)).isInstanceOf(DataException.class)
        .hasMessage(dir + ": rows.bin is missing");
    Files.writeString(dir.resolve("model.json"), "{\"format\": \"imbalanced4j-model\", \"format_version\": 2,");
    assertThatThrownBy(() -> ModelDirectory.load(dir)).isInstanceOf(DataException.class)
        .hasMessageStartingWith(dir.resolve("model.json") + ": cannot be read");
  }
}
