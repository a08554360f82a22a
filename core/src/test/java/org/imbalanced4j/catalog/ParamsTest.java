package org.imbalanced4j.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.imbalanced4j.InvalidOptionException;
import org.junit.jupiter.api.Test;

/** A learner's parameters: values in range are read, others are one line a person reads as written. */
class ParamsTest {
  private static Params of(String name, String value) {
    return new Params("mlp", Map.of(name, value), List.of("lr", "tol", "C"));
  }

  @Test
  void rangesReadAsAPersonWritesThem() {
    assertThat(of("lr", "0.5").real("lr", 0.001, Double.MIN_VALUE, 10)).isEqualTo(0.5);
    assertThatThrownBy(() -> of("lr", "-1").real("lr", 0.001, Double.MIN_VALUE, 10))
        .isInstanceOf(InvalidOptionException.class)
        .hasMessage("mlp: lr must be a number above 0 and at most 10, got '-1'");
    assertThatThrownBy(() -> of("tol", "5").real("tol", 1e-3, 1e-12, 1))
        .hasMessage("mlp: tol must be a number from 1.0E-12 to 1, got '5'");
    assertThatThrownBy(() -> of("C", "0").real("C", 1, Double.MIN_VALUE, 1e12))
        .hasMessage("mlp: C must be a number above 0 and at most 1.0E12, got '0'");
  }
}
