package org.imbalanced4j.sampling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.imbalanced4j.DataException;
import org.imbalanced4j.InvalidOptionException;
import org.imbalanced4j.data.Dataset;
import org.imbalanced4j.data.Feature;
import org.imbalanced4j.data.Schema;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** What every sampler of the catalogue promises (imbalanced-learn's common checks). */
class SamplerContractTest {
  static Stream<String> names() {
    return SamplerCatalog.all().stream().map(SamplerCatalog.Entry::name);
  }

  static Dataset data() {
    return SamplerParityTest.dataset("three_class_4d");
  }

  /** The test data, with one categorical feature for the samplers made for mixed data. */
  static Dataset data(String sampler) {
    return sampler.equals("SMOTENC") ? mixed() : sampler.equals("SMOTEN") ? nominal() : data();
  }

  /** Every feature categorical: the numeric features cut into four levels. */
  static Dataset nominal() {
    Dataset d = data();
    List<Feature> fs = new java.util.ArrayList<>();
    for (int j = 0; j < d.features(); j++) {
      fs.add(Feature.categorical("f" + j, List.of("q1", "q2", "q3", "q4")));
    }
    float[] v = d.toRowMajor();
    for (int i = 0; i < v.length; i++) {
      v[i] = v[i] < -1 ? 0 : v[i] < 0 ? 1 : v[i] < 1 ? 2 : 3;
    }
    return Dataset.builder(new Schema(fs, "y", d.schema().classNames())).setValues(v, d.rows())
        .setLabels(d.labels()).build();
  }

  static Dataset mixed() {
    Dataset d = data();
    Schema s = new Schema(List.of(Feature.numeric("a"), Feature.categorical("c", List.of("u", "v", "w")),
        Feature.numeric("b"), Feature.numeric("e")), "y", d.schema().classNames());
    float[] v = d.toRowMajor();
    for (int i = 0; i < d.rows(); i++) {
      v[i * 4 + 1] = (i * 7 + d.label(i)) % 3;
    }
    return Dataset.builder(s).setValues(v, d.rows()).setLabels(d.labels()).build();
  }

  @ParameterizedTest
  @MethodSource("names")
  void sameSeedSameResultAndInputUntouched(String name) {
    Dataset d = data(name);
    float[] before = d.toRowMajor();
    Resampled a = SamplerCatalog.create(name, Map.of(), 13).fitResample(d);
    Resampled b = SamplerCatalog.create(name, Map.of(), 13).fitResample(d);
    assertThat(a.data().toRowMajor()).isEqualTo(b.data().toRowMajor());
    assertThat(a.data().labels()).isEqualTo(b.data().labels());
    assertThat(a.source()).isEqualTo(b.source());
    assertThat(d.toRowMajor()).isEqualTo(before);
  }

  @ParameterizedTest
  @MethodSource("names")
  void keptRowsAreExactCopiesOfTheirSource(String name) {
    Dataset d = data(name);
    Resampled r = SamplerCatalog.create(name, Map.of(), 1).fitResample(d);
    int[] src = r.source();
    for (int i = 0; i < src.length; i++) {
      if (src[i] >= 0) {
        assertThat(r.data().row(i)).isEqualTo(d.row(src[i]));
        assertThat(r.data().label(i)).isEqualTo(d.label(src[i]));
      }
    }
  }

  @ParameterizedTest
  @MethodSource("names")
  void oneClassIsAClearError(String name) {
    Dataset d = data(name);
    Dataset one = d.subset(SamplerSupport.rowsOf(d.labels(), 0));
    assertThatThrownBy(() -> SamplerCatalog.create(name, Map.of(), 0).fitResample(one))
        .isInstanceOf(DataException.class)
        .hasMessageContaining("needs at least two classes")
        .hasMessageContaining("class '0'");
  }

  @ParameterizedTest
  @MethodSource("names")
  void weightsTravelWithTheirRows(String name) {
    Dataset d = data(name);
    double[] w = new double[d.rows()];
    for (int i = 0; i < w.length; i++) {
      w[i] = 1 + i;
    }
    Resampled r = SamplerCatalog.create(name, Map.of(), 2).fitResample(d.withWeights(w));
    assertThat(r.data().hasWeights()).isTrue();
    int[] src = r.source();
    for (int i = 0; i < src.length; i++) {
      if (src[i] >= 0) {
        assertThat(r.data().weight(i)).isEqualTo(w[src[i]]);
      } else {
        assertThat(r.data().weight(i)).isBetween(1.0, (double) w.length);
      }
    }
  }

  @ParameterizedTest
  @MethodSource("names")
  void unknownParameterListsTheValidOnes(String name) {
    assertThatThrownBy(() -> SamplerCatalog.create(name, Map.of("no_such", "1"), 0))
        .isInstanceOf(InvalidOptionException.class)
        .hasMessageContaining("has no parameter 'no_such'")
        .hasMessageContaining("sampling_strategy");
  }

  @org.junit.jupiter.api.Test
  void tooSmallClassForKNeighborsNamesTheClassAndCount() {
    Dataset d = data();
    int[] y = d.labels();
    int[] rows = SamplerSupport.concat(SamplerSupport.rowsOf(y, 0), SamplerSupport.rowsOf(y, 1),
        java.util.Arrays.copyOf(SamplerSupport.rowsOf(y, 2), 4));
    Dataset small = d.subset(rows);
    assertThatThrownBy(() -> SamplerCatalog.create("SMOTE", Map.of(), 0).fitResample(small))
        .isInstanceOf(DataException.class)
        .hasMessage("SMOTE: class '2' has 4 rows, but k_neighbors=5 needs at least 6; lower "
            + "k_neighbors to at most 3 or leave the class out of the sampling strategy");
  }

  @org.junit.jupiter.api.Test
  void categoricalFeaturesPointSmoteToSmotenc() {
    Dataset mixed = mixed();
    assertThatThrownBy(() -> SamplerCatalog.create("smote", Map.of(), 0).fitResample(mixed))
        .isInstanceOf(DataException.class).hasMessageContaining("SMOTENC");
    assertThat(SamplerCatalog.create("RandomUnderSampler", Map.of(), 0).fitResample(mixed).data().rows())
        .isLessThan(mixed.rows());
  }

  @org.junit.jupiter.api.Test
  void unknownMethodListsTheValidOnes() {
    assertThatThrownBy(() -> SamplerCatalog.get("SMOOTE"))
        .isInstanceOf(InvalidOptionException.class)
        .hasMessageContaining("unknown method 'SMOOTE'").hasMessageContaining("SMOTE, ");
  }
}
