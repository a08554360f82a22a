package org.imbalanced4j.djl.anomaly;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.imbalanced4j.anomaly.Detector;
import org.imbalanced4j.anomaly.DetectorKind;
import org.imbalanced4j.anomaly.Detectors;
import org.imbalanced4j.catalog.Params;
import org.imbalanced4j.djl.engine.PyTorchEngine;
import org.imbalanced4j.metrics.ScoreMetrics;
import org.junit.jupiter.api.Test;

/**
 * The autoencoder and Deep SVDD detectors: they rank rows unlike the training rows above them, the
 * Java forward pass of scoring equals the engine's, a fit is the same for a seed, and a fitted
 * detector written and read back scores the same after the collector has run.
 */
class DeepDetectorsTest {
  private static final int D = 6;

  /** Rows near a plane in six dimensions (normal), then rows off it (anomalies). */
  private static float[] data(int normal, int odd, long seed) {
    Random r = new Random(seed);
    double[][] a = new double[D][2];
    Random fixed = new Random(7);
    for (double[] row : a) {
      row[0] = fixed.nextGaussian();
      row[1] = fixed.nextGaussian();
    }
    float[] x = new float[(normal + odd) * D];
    for (int i = 0; i < normal + odd; i++) {
      double z0 = r.nextGaussian();
      double z1 = r.nextGaussian();
      for (int j = 0; j < D; j++) {
        x[i * D + j] = (float) (i < normal ? a[j][0] * z0 + a[j][1] * z1 + 0.05 * r.nextGaussian()
            : 3 * r.nextGaussian());
      }
    }
    return x;
  }

  private static Detector detector(String name, Map<String, String> params) {
    DetectorKind k = Detectors.get(name);
    return k.factory().create(new Params(name, params, k.params().stream().map(p -> p.name()).toList()));
  }

  private static double auc(double[] s, int normal) {
    boolean[] odd = new boolean[s.length];
    for (int i = normal; i < s.length; i++) {
      odd[i] = true;
    }
    return ScoreMetrics.rocAuc(odd, s);
  }

  @Test
  void bothRankRowsOffTheTrainingRowsFirstAndAreTheSameForASeed() throws IOException {
    float[] train = data(600, 0, 1);
    float[] test = data(300, 30, 2);
    for (String name : List.of("autoencoder", "deep-svdd")) {
      Detector d = detector(name, Map.of("hidden", name.equals("autoencoder") ? "16,2" : "32,8", "epochs", "30"));
      Detector.Fitted f = d.fit(train, 600, D, 5);
      double[] s = f.anomaly(test, 330);
      assertThat(auc(s, 300)).as(name).isGreaterThan(0.9);
      assertThat(d.fit(train, 600, D, 5).anomaly(test, 330)).as(name).containsExactly(s);
      double[] own = f.anomaly(train, 600);
      long above = java.util.Arrays.stream(own).filter(v -> v > f.defaultCut()).count();
      assertThat(above).as(name + ": the own cut leaves a tenth of the training rows above it").isBetween(55L, 61L);

      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      try (DataOutputStream out = new DataOutputStream(bytes)) {
        f.write(out);
      }
      for (int i = 0; i < 3; i++) {
        System.gc();
      }
      DetectorKind k = Detectors.get(name);
      Detector.Fitted back = k.reader().read(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())), D);
      assertThat(back.anomaly(test, 330)).as(name).containsExactly(s);
      assertThat(back.defaultCut()).isEqualTo(f.defaultCut());
      byte[] cut = java.util.Arrays.copyOf(bytes.toByteArray(), bytes.size() - 8);
      assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> k.reader().read(
          new DataInputStream(new ByteArrayInputStream(cut)), D))).as(name).isInstanceOf(IOException.class);
      assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> k.reader().read(
          new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())), D + 1))).isInstanceOf(IOException.class);
    }
  }

  @Test
  void trainingLowersTheLossItMinimises() {
    float[] train = data(400, 0, 3);
    int[] widths = {D, 16, 2, 16, D};
    DenseStack init = DenseStack.init(widths, true, 9);
    float inv = 1f / D;
    DenseStack fitted = StackFit.fit(init, train, 400, (o, in) -> o.sub(in).square().sum(new int[] {1}).mul(inv),
        new StackFit.Options(40, 10, 32, 1e-3, 0), 9);
    assertThat(new DistanceModel("autoencoder", fitted, null, 0).anomaly(train, 400)).satisfies(after ->
        assertThat(mean(after)).isLessThan(0.5 * mean(new DistanceModel("autoencoder", init, null, 0).anomaly(train, 400))));
  }

  @Test
  void theJavaForwardPassEqualsTheEngines() {
    float[] x = data(50, 10, 4);
    for (boolean bias : new boolean[] {true, false}) {
      DenseStack s = DenseStack.init(new int[] {D, 12, 5, 3}, bias, 11);
      float[] java = s.forward(x, 60);
      try (NDManager m = PyTorchEngine.get().newBaseManager()) {
        List<NDArray> params = new ArrayList<>();
        int[] w = s.widths();
        for (int l = 0; l < s.layers(); l++) {
          params.add(m.create(s.weight(l), new Shape(w[l + 1], w[l])));
          if (bias) {
            params.add(m.create(s.bias(l), new Shape(w[l + 1])));
          }
        }
        float[] engine = StackFit.forward(params, bias, m.create(x, new Shape(60, D))).toFloatArray();
        assertThat(engine).hasSameSizeAs(java);
        for (int i = 0; i < java.length; i++) {
          assertThat((double) java[i]).isCloseTo(engine[i], within(1e-5));
        }
      }
    }
  }

  private static double mean(double[] a) {
    return java.util.Arrays.stream(a).average().orElseThrow();
  }
}
