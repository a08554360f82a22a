package org.imbalanced4j.images.augment;

import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.imbalanced4j.InvalidOptionException;

/**
 * A random image transformation applied while training, as torchvision's {@code transforms}: one
 * float image of {@code c x h x w} values in [0, 1] in, a new one out, its random parameters drawn
 * from {@code rng} (one generator per image, derived from the batch's seed, so the result does not
 * depend on threads). The transformations draw their parameters as torchvision's do and apply
 * {@link ImageOps}, whose outputs equal torchvision's for the same parameters.
 */
@FunctionalInterface
public interface Augmentation {
  /** The augmented image (channels first, {@code c x h x w}), drawing its random parameters from {@code rng}. */
  float[] apply(float[] img, int c, int h, int w, SplittableRandom rng);

  /** The named policies of {@code --augment}. */
  List<String> NAMES = List.of("none", "flip", "default", "randaugment", "trivialaugment");

  /**
   * {@code none}; {@code flip}: a horizontal flip with probability 0.5; {@code default}: flip, then
   * {@code RandomAffine(10, translate=(0.1, 0.1), scale=(0.9, 1.1))}, then {@code
   * ColorJitter(brightness=0.2, contrast=0.2, saturation=0.2)}; {@code randaugment}: flip, then
   * {@code RandAugment(2, 9)}; {@code trivialaugment}: flip, then {@code TrivialAugmentWide()}.
   * Null for {@code none}.
   */
  static Augmentation named(String name) {
    return switch (name.toLowerCase(Locale.ROOT)) {
      case "none" -> null;
      case "flip" -> horizontalFlip(0.5);
      case "default" -> compose(horizontalFlip(0.5), affine(10, 0.1, 0.9, 1.1, 0, 0), colorJitter(0.2, 0.2, 0.2, 0));
      case "randaugment" -> compose(horizontalFlip(0.5), AutoAugment.randAugment(2, 9));
      case "trivialaugment" -> compose(horizontalFlip(0.5), AutoAugment.trivialAugmentWide());
      default -> throw InvalidOptionException.unknown("augmentation", name, NAMES);
    };
  }

  /** The steps in order. */
  static Augmentation compose(Augmentation... steps) {
    return (img, c, h, w, rng) -> {
      float[] x = img;
      for (Augmentation s : steps) {
        x = s.apply(x, c, h, w, rng);
      }
      return x;
    };
  }

  /** {@code RandomApply([a], p)}: {@code a} with probability {@code p}. */
  static Augmentation randomApply(double p, Augmentation a) {
    return (img, c, h, w, rng) -> rng.nextDouble() < p ? a.apply(img, c, h, w, rng) : img;
  }

  /** {@code RandomHorizontalFlip(p)}. */
  static Augmentation horizontalFlip(double p) {
    return randomApply(p, (img, c, h, w, rng) -> ImageOps.hflip(img, c, h, w));
  }

  /** {@code RandomVerticalFlip(p)}. */
  static Augmentation verticalFlip(double p) {
    return randomApply(p, (img, c, h, w, rng) -> ImageOps.vflip(img, c, h, w));
  }

  /** {@code RandomRotation(degrees, fill=fill)}: an angle uniform in {@code [-degrees, degrees]}. */
  static Augmentation rotation(double degrees, float fill) {
    return (img, c, h, w, rng) -> ImageOps.rotate(img, c, h, w, uniform(rng, -degrees, degrees), fill);
  }

  /**
   * {@code RandomAffine(degrees, translate=(t, t), scale=(lo, hi), shear=s, fill=fill)}: angle
   * uniform in {@code [-degrees, degrees]}, shifts {@code round(uniform(-t w, t w))} and {@code
   * round(uniform(-t h, t h))}, scale uniform in {@code [lo, hi]}, horizontal shear uniform in
   * {@code [-s, s]}.
   */
  static Augmentation affine(double degrees, double translate, double scaleLo, double scaleHi, double shear,
      float fill) {
    return (img, c, h, w, rng) -> {
      double angle = uniform(rng, -degrees, degrees);
      double tx = Math.rint(uniform(rng, -translate * w, translate * w));
      double ty = Math.rint(uniform(rng, -translate * h, translate * h));
      double scale = uniform(rng, scaleLo, scaleHi);
      double sx = shear == 0 ? 0 : uniform(rng, -shear, shear);
      return ImageOps.affine(img, c, h, w, angle, tx, ty, scale, sx, 0, fill);
    };
  }

  /**
   * {@code ColorJitter(brightness, contrast, saturation, hue)}: brightness, contrast and saturation
   * factors uniform in {@code [max(0, 1 - v), 1 + v]}, a hue shift uniform in {@code [-hue, hue]}
   * ({@code hue <= 0.5}), applied in a random order; a zero range leaves its step out.
   */
  static Augmentation colorJitter(double brightness, double contrast, double saturation, double hue) {
    if (!(hue >= 0 && hue <= 0.5)) {
      throw new IllegalArgumentException("hue must be in [0, 0.5], got " + hue);
    }
    double[] range = {brightness, contrast, saturation, hue};
    return (img, c, h, w, rng) -> {
      int[] order = {0, 1, 2, 3};
      for (int i = 3; i > 0; i--) {
        int j = rng.nextInt(i + 1);
        int t = order[i];
        order[i] = order[j];
        order[j] = t;
      }
      float[] x = img;
      for (int op : order) {
        double v = range[op];
        if (v <= 0) {
          continue;
        }
        x = switch (op) {
          case 0 -> ImageOps.brightness(x, factor(rng, v));
          case 1 -> ImageOps.contrast(x, c, h, w, factor(rng, v));
          case 2 -> ImageOps.saturation(x, c, h, w, factor(rng, v));
          default -> ImageOps.hue(x, c, h, w, (float) uniform(rng, -v, v));
        };
      }
      return x;
    };
  }

  /**
   * {@code RandomResizedCrop(size=(h, w), scale=(lo, hi), ratio=(3/4, 4/3))}, the "zoom" of
   * Szegedy et al. ("Going deeper with convolutions", CVPR 2015): a box of a random share of the
   * area in {@code [lo, hi]} and an aspect ratio log-uniform in {@code [3/4, 4/3]} (up to ten
   * tries, else the centred box of the nearest allowed ratio), resized back to the image's size
   * by bilinear interpolation.
   */
  static Augmentation resizedCrop(double scaleLo, double scaleHi) {
    double ratioLo = 3.0 / 4;
    double ratioHi = 4.0 / 3;
    return (img, c, h, w, rng) -> {
      double area = (double) h * w;
      for (int attempt = 0; attempt < 10; attempt++) {
        double target = area * uniform(rng, scaleLo, scaleHi);
        double aspect = Math.exp(uniform(rng, Math.log(ratioLo), Math.log(ratioHi)));
        int cw = (int) Math.round(Math.sqrt(target * aspect));
        int ch = (int) Math.round(Math.sqrt(target / aspect));
        if (cw > 0 && cw <= w && ch > 0 && ch <= h) {
          int top = rng.nextInt(h - ch + 1);
          int left = rng.nextInt(w - cw + 1);
          return ImageOps.resizedCrop(img, c, h, w, top, left, ch, cw, h, w);
        }
      }
      double in = (double) w / h;
      int cw = w;
      int ch = h;
      if (in < ratioLo) {
        ch = (int) Math.round(w / ratioLo);
      } else if (in > ratioHi) {
        cw = (int) Math.round(h * ratioHi);
      }
      return ImageOps.resizedCrop(img, c, h, w, (h - ch) / 2, (w - cw) / 2, ch, cw, h, w);
    };
  }

  /**
   * {@code RandomErasing(p, scale=(0.02, 0.33), ratio=(0.3, 3.3), value)} (Zhong et al., "Random
   * erasing data augmentation", AAAI 2020): with probability {@code p}, a box of a random share of
   * the area and aspect ratio set to {@code value}; up to ten tries to fit one.
   */
  static Augmentation erasing(double p, float value) {
    return randomApply(p, (img, c, h, w, rng) -> {
      double area = (double) h * w;
      for (int attempt = 0; attempt < 10; attempt++) {
        double target = area * uniform(rng, 0.02, 0.33);
        double aspect = Math.exp(uniform(rng, Math.log(0.3), Math.log(3.3)));
        int eh = (int) Math.round(Math.sqrt(target * aspect));
        int ew = (int) Math.round(Math.sqrt(target / aspect));
        if (eh < h && ew < w) {
          int top = rng.nextInt(h - eh + 1);
          int left = rng.nextInt(w - ew + 1);
          return ImageOps.erase(img, c, h, w, top, left, eh, ew, value);
        }
      }
      return img;
    });
  }

  private static float factor(SplittableRandom rng, double v) {
    return (float) uniform(rng, Math.max(0, 1 - v), 1 + v);
  }

  private static double uniform(SplittableRandom rng, double lo, double hi) {
    return lo + (hi - lo) * rng.nextDouble();
  }
}
