package org.imbalanced4j.random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Arrays;
import org.imbalanced4j.Fixtures;
import org.junit.jupiter.api.Test;

class NumpyRandomTest {
  private static final JsonNode CASES = Fixtures.json("numpy_random.json").get("cases");

  @Test
  void rawOutputMatchesNumpyMt19937() {
    for (JsonNode c : CASES) {
      NumpyRandom r = new NumpyRandom(c.get("seed").asLong());
      for (JsonNode v : c.get("uint32")) {
        assertThat(r.nextInt32() & 0xffffffffL).as("seed %s", c.get("seed")).isEqualTo(v.asLong());
      }
    }
  }

  @Test
  void randomSampleMatchesNumpy() {
    for (JsonNode c : CASES) {
      NumpyRandom r = new NumpyRandom(c.get("seed").asLong());
      for (JsonNode v : c.get("random_sample")) {
        assertThat(r.nextDouble()).isEqualTo(v.asDouble());
      }
    }
  }

  @Test
  void permutationsMatchNumpy() {
    for (JsonNode c : CASES) {
      long seed = c.get("seed").asLong();
      assertThat(new NumpyRandom(seed).permutation(10)).containsExactly(Fixtures.ints(c.get("permutation_10")));
      assertThat(Arrays.copyOf(new NumpyRandom(seed).permutation(1000), 20))
          .containsExactly(Fixtures.ints(c.get("permutation_1000_head")));
      assertThat(Arrays.copyOf(new NumpyRandom(seed).permutation(70000), 20))
          .containsExactly(Fixtures.ints(c.get("permutation_70000_head")));
    }
  }

  @Test
  void rejectsSeedsNumpyRejects() {
    assertThatThrownBy(() -> new NumpyRandom(-1)).hasMessageContaining("2^32");
    assertThatThrownBy(() -> new NumpyRandom(1L << 32)).hasMessageContaining("2^32");
  }

  @Test
  void intervalStaysInRange() {
    NumpyRandom r = new NumpyRandom(3);
    for (long max : new long[] {1, 2, 7, 1000, 0xffffffffL, 1L << 40}) {
      for (int i = 0; i < 200; i++) {
        assertThat(r.interval(max)).isBetween(0L, max);
      }
    }
  }
}
