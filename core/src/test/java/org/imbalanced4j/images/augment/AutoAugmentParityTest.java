package org.imbalanced4j.images.augment;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.imbalanced4j.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The operations of RandAugment and TrivialAugmentWide give torchvision 0.14's {@code _apply_op}
 * output on {@code uint8} tensors (fixtures: augment.json, {@code autoaugment}), gray and RGB:
 * every pixel equal, or one level off where a single-precision sum lands within rounding of a
 * whole value (seen only in autocontrast's stretch), on at most 2% of the pixels.
 */
class AutoAugmentParityTest {
  private static final JsonNode ROOT = Fixtures.json("augment.json");

  static Stream<Arguments> cases() {
    List<Arguments> out = new ArrayList<>();
    for (JsonNode c : ROOT.get("autoaugment")) {
      for (JsonNode op : c.get("ops")) {
        out.add(Arguments.of(op.get("op").asText() + " " + op.get("magnitude").asDouble() + " " + c.get("shape"), c, op));
      }
    }
    return out.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void equalsTorchvisionOnBytes(String name, JsonNode c, JsonNode op) {
    int ch = c.get("shape").get(0).asInt();
    int h = c.get("shape").get(1).asInt();
    int w = c.get("shape").get(2).asInt();
    float[] img = new float[c.get("image").size()];
    for (int i = 0; i < img.length; i++) {
      img[i] = c.get("image").get(i).asInt();
    }
    float[] got = AutoAugment.apply(img, ch, h, w, op.get("op").asText(), op.get("magnitude").asDouble());
    JsonNode want = op.get("out");
    int off = 0;
    for (int i = 0; i < got.length; i++) {
      double d = Math.abs(got[i] - want.get(i).asInt());
      assertThat(d).as("pixel %d", i).isLessThanOrEqualTo(1);
      off += d > 0 ? 1 : 0;
    }
    assertThat(off).as("pixels one level off").isLessThanOrEqualTo(got.length / 50);
  }

  @Test
  void thePoliciesAreSeededAndStayInRange() {
    float[] img = new float[3 * 16 * 16];
    SplittableRandom r = new SplittableRandom(1);
    for (int i = 0; i < img.length; i++) {
      img[i] = (float) r.nextDouble();
    }
    for (Augmentation a : List.of(AutoAugment.trivialAugmentWide(), AutoAugment.randAugment(2, 9))) {
      for (long seed = 0; seed < 30; seed++) {
        float[] x = a.apply(img, 3, 16, 16, new SplittableRandom(seed));
        assertThat(a.apply(img, 3, 16, 16, new SplittableRandom(seed))).isEqualTo(x);
        for (float v : x) {
          assertThat(v).isBetween(0f, 1f);
        }
      }
    }
  }
}
