package org.imbalanced4j.images.augment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class AugmentationTest {
  private static float[] image(int c, int h, int w, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    float[] x = new float[c * h * w];
    for (int i = 0; i < x.length; i++) {
      x[i] = (float) r.nextDouble();
    }
    return x;
  }

  @Test
  void theSameGeneratorGivesTheSameImageAndAnotherOneAnother() {
    float[] x = image(3, 12, 10, 1);
    Augmentation a = Augmentation.named("default");
    float[] one = a.apply(x, 3, 12, 10, new SplittableRandom(7));
    assertThat(a.apply(x, 3, 12, 10, new SplittableRandom(7))).isEqualTo(one);
    assertThat(a.apply(x, 3, 12, 10, new SplittableRandom(8))).isNotEqualTo(one);
    for (float v : one) {
      assertThat(v).isBetween(0f, 1f);
    }
    assertThat(x).isEqualTo(image(3, 12, 10, 1)); // the input is not changed
  }

  @Test
  void eachStepDoesWhatItsNameSays() {
    float[] x = image(1, 6, 8, 2);
    assertThat(Augmentation.horizontalFlip(1).apply(x, 1, 6, 8, new SplittableRandom(0)))
        .isEqualTo(ImageOps.hflip(x, 1, 6, 8));
    assertThat(Augmentation.horizontalFlip(0).apply(x, 1, 6, 8, new SplittableRandom(0))).isSameAs(x);
    assertThat(Augmentation.verticalFlip(1).apply(x, 1, 6, 8, new SplittableRandom(0)))
        .isEqualTo(ImageOps.vflip(x, 1, 6, 8));
    assertThat(Augmentation.rotation(0, 0).apply(x, 1, 6, 8, new SplittableRandom(0))).isEqualTo(x);
    float[] erased = Augmentation.erasing(1, 0.5f).apply(x, 1, 6, 8, new SplittableRandom(3));
    long changed = 0;
    for (int i = 0; i < x.length; i++) {
      if (erased[i] != x[i]) {
        changed++;
        assertThat(erased[i]).isEqualTo(0.5f);
      }
    }
    assertThat(changed).isBetween(1L, (long) (0.34 * x.length));
    // brightness jitter only: every value scaled by one factor within [0.8, 1.2] (clamped at 1)
    float[] jittered = Augmentation.colorJitter(0.2, 0, 0, 0).apply(x, 1, 6, 8, new SplittableRandom(4));
    double f = jittered[0] / x[0];
    assertThat(f).isBetween(0.8, 1.2);
    for (int i = 0; i < x.length; i++) {
      assertThat(jittered[i]).isCloseTo((float) Math.min(1, x[i] * f), org.assertj.core.api.Assertions.within(1e-5f));
    }
    assertThat(Augmentation.named("none")).isNull();
    assertThatThrownBy(() -> Augmentation.named("mixup")).hasMessage(
        "unknown augmentation 'mixup'; valid: none, flip, default, randaugment, trivialaugment");
  }

  @Test
  void hueJitterTurnsColoursButKeepsValueAndSaturation() {
    float[] x = image(3, 5, 4, 5);
    float[] y = Augmentation.colorJitter(0, 0, 0, 0.5).apply(x, 3, 5, 4, new SplittableRandom(6));
    assertThat(y).isNotEqualTo(x);
    int plane = 20;
    for (int p = 0; p < plane; p++) {
      float maxX = Math.max(x[p], Math.max(x[plane + p], x[2 * plane + p]));
      float minX = Math.min(x[p], Math.min(x[plane + p], x[2 * plane + p]));
      float maxY = Math.max(y[p], Math.max(y[plane + p], y[2 * plane + p]));
      float minY = Math.min(y[p], Math.min(y[plane + p], y[2 * plane + p]));
      assertThat(maxY).isCloseTo(maxX, org.assertj.core.api.Assertions.within(1e-6f));
      assertThat(maxY - minY).isCloseTo(maxX - minX, org.assertj.core.api.Assertions.within(1e-5f));
    }
    float[] gray = image(1, 5, 4, 5);
    assertThat(Augmentation.colorJitter(0, 0, 0, 0.5).apply(gray, 1, 5, 4, new SplittableRandom(6))).isEqualTo(gray);
    assertThatThrownBy(() -> Augmentation.colorJitter(0, 0, 0, 0.6)).hasMessageContaining("hue");
  }

  @Test
  void resizedCropZoomsInAndKeepsTheSize() {
    float[] x = image(1, 6, 8, 9);
    // the whole area of a square: any box that fits is the whole image, resized to itself
    float[] square = image(1, 6, 6, 9);
    for (long seed = 0; seed < 5; seed++) {
      assertThat(Augmentation.resizedCrop(1, 1).apply(square, 1, 6, 6, new SplittableRandom(seed))).isEqualTo(square);
    }
    float lo = 1;
    float hi = 0;
    for (float v : x) {
      lo = Math.min(lo, v);
      hi = Math.max(hi, v);
    }
    for (long seed = 0; seed < 20; seed++) {
      float[] z = Augmentation.resizedCrop(0.1, 0.4).apply(x, 1, 6, 8, new SplittableRandom(seed));
      assertThat(z).hasSameSizeAs(x).isNotEqualTo(x);
      for (float v : z) {
        assertThat(v).isBetween(lo - 1e-6f, hi + 1e-6f); // bilinear: within the input's range
      }
    }
  }
}
