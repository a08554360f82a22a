package org.imbalanced4j.images.augment;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.imbalanced4j.Fixtures;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each deterministic image operation gives torchvision 0.14's output on float tensors (fixtures:
 * augment.json, from {@code scripts/fixtures/augment.py}), gray and RGB: every value to 1e-6, the
 * nearest-pixel sampling of rotation and affine, the HSV round trip of hue and the bilinear
 * resize of a resized crop included (computed in single precision as the tensor path is).
 */
class ImageOpsParityTest {
  private static final JsonNode ROOT = Fixtures.json("augment.json");

  static Stream<Arguments> cases() {
    List<Arguments> out = new ArrayList<>();
    for (JsonNode c : ROOT.get("cases")) {
      c.get("ops").fieldNames().forEachRemaining(op -> out.add(Arguments.of(op + " " + c.get("shape"), op, c)));
    }
    return out.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void equalsTorchvision(String name, String op, JsonNode c) {
    int ch = c.get("shape").get(0).asInt();
    int h = c.get("shape").get(1).asInt();
    int w = c.get("shape").get(2).asInt();
    float[] img = floats(c.get("image"));
    Function<float[], float[]> f = switch (op) {
      case "hflip" -> x -> ImageOps.hflip(x, ch, h, w);
      case "vflip" -> x -> ImageOps.vflip(x, ch, h, w);
      case "rotate_30" -> x -> ImageOps.rotate(x, ch, h, w, 30, 0);
      case "rotate_-73_fill" -> x -> ImageOps.rotate(x, ch, h, w, -73, 0.5f);
      case "affine" -> x -> ImageOps.affine(x, ch, h, w, 15, 1, -2, 1.1, 5, 3, 0);
      case "affine_fill" -> x -> ImageOps.affine(x, ch, h, w, -8, -2, 1, 0.8, -10, 0, 0.25f);
      case "brightness_1.3" -> x -> ImageOps.brightness(x, 1.3f);
      case "contrast_0.7" -> x -> ImageOps.contrast(x, ch, h, w, 0.7f);
      case "contrast_1.6" -> x -> ImageOps.contrast(x, ch, h, w, 1.6f);
      case "saturation_0.4" -> x -> ImageOps.saturation(x, ch, h, w, 0.4f);
      case "erase" -> x -> ImageOps.erase(x, ch, h, w, 1, 2, 3, 4, 0.5f);
      case "hue_0.2" -> x -> ImageOps.hue(x, ch, h, w, 0.2f);
      case "hue_-0.45" -> x -> ImageOps.hue(x, ch, h, w, -0.45f);
      case "resized_crop_zoom" -> x -> ImageOps.resizedCrop(x, ch, h, w, 2, 1, 5, 6, h, w);
      case "resized_crop_out" -> x -> ImageOps.resizedCrop(x, ch, h, w, 0, 3, 7, 4, 13, 6);
      default -> throw new IllegalArgumentException(op);
    };
    float[] got = f.apply(img);
    float[] want = floats(c.get("ops").get(op));
    assertThat(got).hasSameSizeAs(want);
    int off = 0;
    for (int i = 0; i < got.length; i++) {
      if (Math.abs(got[i] - want[i]) > 1e-6) {
        off++;
      }
    }
    assertThat(off).as("values off by more than 1e-6").isZero();
  }

  private static float[] floats(JsonNode a) {
    float[] out = new float[a.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = (float) a.get(i).asDouble();
    }
    return out;
  }
}
