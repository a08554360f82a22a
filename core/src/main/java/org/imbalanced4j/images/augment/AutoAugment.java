package org.imbalanced4j.images.augment;

import java.util.List;

/**
 * The automatic augmentation policies of torchvision on 8-bit images: RandAugment (Cubuk et al.,
 * "RandAugment: practical automated data augmentation with a reduced search space", CVPR
 * workshops 2020: {@code num_ops} operations at a fixed magnitude) and TrivialAugmentWide (Müller
 * and Hutter, ICCV 2021: one operation at a random magnitude). The operations work as
 * torchvision's do on {@code uint8} tensors: the image is taken to 0..255, every step truncated to
 * whole values as {@code .to(torch.uint8)} does, and scaled back to [0, 1].
 */
public final class AutoAugment {
  /** The operations, in torchvision's order. */
  public static final List<String> OPS = List.of("Identity", "ShearX", "ShearY", "TranslateX", "TranslateY", "Rotate",
      "Brightness", "Color", "Contrast", "Sharpness", "Posterize", "Solarize", "AutoContrast", "Equalize");

  private AutoAugment() {}

  /** {@code TrivialAugmentWide(num_magnitude_bins=31)}: one operation, a random bin, a random sign. */
  public static Augmentation trivialAugmentWide() {
    return (img, c, h, w, rng) -> {
      int op = rng.nextInt(OPS.size());
      int bins = 31;
      int bin = rng.nextInt(bins);
      double m = wideMagnitude(OPS.get(op), bin, bins);
      if (signed(OPS.get(op)) && rng.nextInt(2) == 1) {
        m = -m;
      }
      return fromBytes(apply(toBytes(img), c, h, w, OPS.get(op), m));
    };
  }

  /** {@code RandAugment(num_ops, magnitude, num_magnitude_bins=31)}. */
  public static Augmentation randAugment(int numOps, int magnitude) {
    return (img, c, h, w, rng) -> {
      float[] x = toBytes(img);
      for (int i = 0; i < numOps; i++) {
        String op = OPS.get(rng.nextInt(OPS.size()));
        double m = randMagnitude(op, magnitude, 31, h, w);
        if (signed(op) && rng.nextInt(2) == 1) {
          m = -m;
        }
        x = apply(x, c, h, w, op, m);
      }
      return fromBytes(x);
    };
  }

  static boolean signed(String op) {
    return List.of("ShearX", "ShearY", "TranslateX", "TranslateY", "Rotate", "Brightness", "Color", "Contrast",
        "Sharpness").contains(op);
  }

  /** {@code torch.linspace(0, top, bins)[bin]} in single precision. */
  private static double linspace(double from, double to, int bins, int bin) {
    if (bin == bins - 1) {
      return (float) to;
    }
    float step = (float) ((to - from) / (bins - 1));
    return bin < bins / 2 ? (float) (from + step * bin) : (float) (to - step * (bins - 1 - bin));
  }

  static double wideMagnitude(String op, int bin, int bins) {
    return switch (op) {
      case "ShearX", "ShearY", "Brightness", "Color", "Contrast", "Sharpness" -> linspace(0, 0.99, bins, bin);
      case "TranslateX", "TranslateY" -> linspace(0, 32, bins, bin);
      case "Rotate" -> linspace(0, 135, bins, bin);
      case "Posterize" -> 8 - (int) Math.rint(bin / ((bins - 1) / 6.0));
      case "Solarize" -> linspace(255, 0, bins, bin);
      default -> 0;
    };
  }

  static double randMagnitude(String op, int bin, int bins, int h, int w) {
    return switch (op) {
      case "ShearX", "ShearY" -> linspace(0, 0.3, bins, bin);
      case "TranslateX" -> linspace(0, 150.0 / 331.0 * w, bins, bin);
      case "TranslateY" -> linspace(0, 150.0 / 331.0 * h, bins, bin);
      case "Rotate" -> linspace(0, 30, bins, bin);
      case "Brightness", "Color", "Contrast", "Sharpness" -> linspace(0, 0.9, bins, bin);
      case "Posterize" -> 8 - (int) Math.rint(bin / ((bins - 1) / 4.0));
      case "Solarize" -> linspace(255, 0, bins, bin);
      default -> 0;
    };
  }

  /**
   * torchvision's {@code _apply_op} on an image of whole values 0..255 ({@code c x h x w}), as
   * on a {@code uint8} tensor.
   */
  public static float[] apply(float[] x, int c, int h, int w, String op, double m) {
    return switch (op) {
      case "Identity" -> x;
      case "ShearX" -> ImageOps.affine(x, c, h, w, 0, 0, 0, 1, Math.toDegrees(Math.atan(m)), 0, 0, -w * 0.5, -h * 0.5);
      case "ShearY" -> ImageOps.affine(x, c, h, w, 0, 0, 0, 1, 0, Math.toDegrees(Math.atan(m)), 0, -w * 0.5, -h * 0.5);
      case "TranslateX" -> ImageOps.affine(x, c, h, w, 0, (int) m, 0, 1, 0, 0, 0);
      case "TranslateY" -> ImageOps.affine(x, c, h, w, 0, 0, (int) m, 1, 0, 0, 0);
      case "Rotate" -> ImageOps.rotate(x, c, h, w, m, 0);
      case "Brightness" -> blend(x, new float[x.length], 1 + m);
      case "Color" -> c == 1 ? x : blend(x, tile(gray(x, c, h, w), c), 1 + m);
      case "Contrast" -> blend(x, constant(x.length, mean(gray(x, c, h, w))), 1 + m);
      case "Sharpness" -> h <= 2 || w <= 2 ? x : blend(x, blurred(x, c, h, w), 1 + m);
      case "Posterize" -> posterize(x, (int) m);
      case "Solarize" -> solarize(x, m);
      case "AutoContrast" -> autocontrast(x, c, h, w);
      case "Equalize" -> equalize(x, c, h, w);
      default -> throw new IllegalArgumentException(op);
    };
  }

  /** {@code _blend} on uint8: {@code (r x + (1 - r) y).clamp(0, 255)} truncated to a whole value. */
  private static float[] blend(float[] x, float[] y, double ratio) {
    float r = (float) ratio;
    float[] out = new float[x.length];
    for (int i = 0; i < x.length; i++) {
      float v = r * x[i] + (1 - r) * y[i];
      out[i] = (float) Math.floor(Math.max(0, Math.min(255, v)));
    }
    return out;
  }

  /** {@code rgb_to_grayscale} on uint8: {@code 0.2989 r + 0.587 g + 0.114 b} truncated; a gray image itself. */
  private static float[] gray(float[] x, int c, int h, int w) {
    int plane = h * w;
    float[] g = new float[plane];
    for (int p = 0; p < plane; p++) {
      g[p] = c == 1 ? x[p] : (float) Math.floor(0.2989f * x[p] + 0.587f * x[plane + p] + 0.114f * x[2 * plane + p]);
    }
    return g;
  }

  private static float[] tile(float[] plane, int c) {
    float[] out = new float[plane.length * c];
    for (int k = 0; k < c; k++) {
      System.arraycopy(plane, 0, out, k * plane.length, plane.length);
    }
    return out;
  }

  private static float mean(float[] v) {
    double s = 0;
    for (float f : v) {
      s += f;
    }
    return (float) (s / v.length);
  }

  private static float[] constant(int n, float v) {
    float[] out = new float[n];
    java.util.Arrays.fill(out, v);
    return out;
  }

  /** {@code _blurred_degenerate_image}: the 3x3 kernel [[1,1,1],[1,5,1],[1,1,1]] / 13 inside, rounded; the border kept. */
  private static float[] blurred(float[] x, int c, int h, int w) {
    float[] out = x.clone();
    float k = 1f / 13;
    for (int ch = 0; ch < c; ch++) {
      int base = ch * h * w;
      for (int y = 1; y < h - 1; y++) {
        for (int xx = 1; xx < w - 1; xx++) {
          float s = 0;
          for (int dy = -1; dy <= 1; dy++) {
            for (int dx = -1; dx <= 1; dx++) {
              s += x[base + (y + dy) * w + xx + dx] * (dy == 0 && dx == 0 ? 5 * k : k);
            }
          }
          out[base + y * w + xx] = (float) Math.rint(s);
        }
      }
    }
    return out;
  }

  /** {@code posterize}: the low {@code 8 - bits} bits cleared. */
  private static float[] posterize(float[] x, int bits) {
    int mask = -(1 << (8 - bits));
    float[] out = new float[x.length];
    for (int i = 0; i < x.length; i++) {
      out[i] = ((int) x[i]) & mask & 0xff;
    }
    return out;
  }

  /** {@code solarize}: values at or above the threshold inverted. */
  private static float[] solarize(float[] x, double threshold) {
    float[] out = new float[x.length];
    for (int i = 0; i < x.length; i++) {
      out[i] = x[i] >= threshold ? 255 - x[i] : x[i];
    }
    return out;
  }

  /** {@code autocontrast}: each channel stretched to 0..255 ({@code (x - min) * 255 / (max - min)}, truncated). */
  private static float[] autocontrast(float[] x, int c, int h, int w) {
    int plane = h * w;
    float[] out = new float[x.length];
    for (int k = 0; k < c; k++) {
      float lo = Float.POSITIVE_INFINITY;
      float hi = Float.NEGATIVE_INFINITY;
      for (int p = 0; p < plane; p++) {
        lo = Math.min(lo, x[k * plane + p]);
        hi = Math.max(hi, x[k * plane + p]);
      }
      float scale = 255f / (hi - lo);
      if (Float.isInfinite(scale) || Float.isNaN(scale)) {
        lo = 0;
        scale = 1;
      }
      for (int p = 0; p < plane; p++) {
        out[k * plane + p] = (float) Math.floor(Math.max(0, Math.min(255, (x[k * plane + p] - lo) * scale)));
      }
    }
    return out;
  }

  /** {@code equalize}: torchvision's per-channel histogram equalisation ({@code _scale_channel}). */
  private static float[] equalize(float[] x, int c, int h, int w) {
    int plane = h * w;
    float[] out = x.clone();
    for (int k = 0; k < c; k++) {
      long[] hist = new long[256];
      for (int p = 0; p < plane; p++) {
        hist[(int) x[k * plane + p]]++;
      }
      long last = 0;
      long nonzeroSum = 0;
      for (int v = 0; v < 256; v++) {
        if (hist[v] != 0) {
          nonzeroSum += hist[v];
          last = hist[v];
        }
      }
      long step = (nonzeroSum - last) / 255;
      if (step == 0) {
        continue;
      }
      long[] lut = new long[256];
      long cum = 0;
      for (int v = 0; v < 256; v++) {
        lut[v] = Math.min(255, Math.max(0, (cum + step / 2) / step)); // shifted by one: lut[v] uses cumsum up to v - 1
        cum += hist[v];
      }
      for (int p = 0; p < plane; p++) {
        out[k * plane + p] = lut[(int) x[k * plane + p]];
      }
    }
    return out;
  }

  /** [0, 1] to whole values 0..255 (rounded), as an 8-bit image holds them. */
  static float[] toBytes(float[] img) {
    float[] out = new float[img.length];
    for (int i = 0; i < img.length; i++) {
      out[i] = (float) Math.rint(Math.max(0, Math.min(1, img[i])) * 255);
    }
    return out;
  }

  static float[] fromBytes(float[] x) {
    float[] out = new float[x.length];
    for (int i = 0; i < x.length; i++) {
      out[i] = x[i] / 255f;
    }
    return out;
  }
}
