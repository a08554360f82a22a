package org.imbalanced4j;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Reads the JSON fixtures written by {@code scripts/fixtures/generate.py}. */
public final class Fixtures {
  private static final ObjectMapper OM = new ObjectMapper();

  private Fixtures() {}

  public static JsonNode json(String name) {
    try (InputStream in = Fixtures.class.getResourceAsStream("/fixtures/" + name)) {
      if (in == null) {
        throw new IllegalStateException("fixture " + name + " is missing; run scripts/fixtures/generate.py");
      }
      return OM.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A numeric data set from a fixture's {@code X} (rows of numbers, stored as float) and {@code y}
   * (class codes 0..k-1, named "0".."k-1").
   */
  public static org.imbalanced4j.data.Dataset dataset(JsonNode x, JsonNode labels) {
    int n = x.size();
    int f = x.get(0).size();
    float[] v = new float[n * f];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < f; j++) {
        v[i * f + j] = (float) x.get(i).get(j).asDouble();
      }
    }
    int[] y = ints(labels);
    int k = java.util.Arrays.stream(y).max().orElse(0) + 1;
    java.util.List<String> classes = new java.util.ArrayList<>();
    for (int c = 0; c < k; c++) {
      classes.add(Integer.toString(c));
    }
    return org.imbalanced4j.data.Dataset.builder(org.imbalanced4j.data.Schema.numeric(f, "y", classes))
        .setValues(v, n).setLabels(y).build();
  }

  /** The rows of a fixture's {@code X_test} as a data set, every label 0 (a model only reads the features). */
  public static org.imbalanced4j.data.Dataset unlabelled(JsonNode x) {
    return dataset(x, com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.arrayNode()
        .addAll(java.util.Collections.nCopies(x.size(), com.fasterxml.jackson.databind.node.IntNode.valueOf(0))));
  }

  /** Asserts probabilities {@code got[i][c]} equal a fixture's {@code want[i][c]} to {@code tolerance}. */
  public static void assertProba(double[][] got, JsonNode want, double tolerance) {
    org.assertj.core.api.Assertions.assertThat(got).hasNumberOfRows(want.size());
    for (int i = 0; i < got.length; i++) {
      org.assertj.core.api.Assertions.assertThat(got[i]).as("row %d", i).hasSize(want.get(i).size());
      for (int c = 0; c < got[i].length; c++) {
        org.assertj.core.api.Assertions.assertThat(got[i][c]).as("row %d, class %d", i, c)
            .isCloseTo(want.get(i).get(c).asDouble(), org.assertj.core.api.Assertions.within(tolerance));
      }
    }
  }

  public static int[] ints(JsonNode array) {
    int[] out = new int[array.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = array.get(i).asInt();
    }
    return out;
  }
}
