package org.imbalanced4j.images.augment;

/**
 * The deterministic image operations behind the random augmentations, on one float image of
 * {@code c x h x w} values in [0, 1] (channel by channel), as torchvision's functional transforms
 * compute them on float tensors ({@code torchvision.transforms.functional}, 0.14). Each returns a
 * new array.
 */
public final class ImageOps {
  private ImageOps() {}

  /** {@code F.hflip}: columns reversed. */
  public static float[] hflip(float[] img, int c, int h, int w) {
    float[] out = new float[img.length];
    for (int k = 0; k < c * h; k++) {
      for (int x = 0; x < w; x++) {
        out[k * w + x] = img[k * w + w - 1 - x];
      }
    }
    return out;
  }

  /** {@code F.vflip}: rows reversed. */
  public static float[] vflip(float[] img, int c, int h, int w) {
    float[] out = new float[img.length];
    for (int k = 0; k < c; k++) {
      for (int y = 0; y < h; y++) {
        System.arraycopy(img, (k * h + h - 1 - y) * w, out, (k * h + y) * w, w);
      }
    }
    return out;
  }

  /**
   * {@code F.affine(img, angle, translate, scale, shear, NEAREST, fill)} about the image centre:
   * each output pixel takes the nearest input pixel under the inverse of {@code T * C * R(angle) *
   * S(scale) * SHy(shear_y) * SHx(shear_x) * C^-1} ({@code _get_inverse_affine_matrix}), sampled
   * as {@code grid_sample(align_corners=False)} does, in single precision as the tensor path; a
   * pixel from outside the image takes {@code fill}.
   *
   * @param angle degrees, counter-clockwise
   * @param tx pixels to the right
   * @param ty pixels down
   * @param shearX degrees
   * @param shearY degrees
   */
  public static float[] affine(float[] img, int c, int h, int w, double angle, double tx, double ty, double scale,
      double shearX, double shearY, float fill) {
    return affine(img, c, h, w, angle, tx, ty, scale, shearX, shearY, fill, 0, 0);
  }

  /**
   * {@link #affine} about the point {@code (cx, cy)} given from the image centre ({@code F.affine}'s
   * {@code center} minus half the size: the top-left corner is {@code (-w / 2, -h / 2)}).
   */
  public static float[] affine(float[] img, int c, int h, int w, double angle, double tx, double ty, double scale,
      double shearX, double shearY, float fill, double cx, double cy) {
    double rot = Math.toRadians(angle);
    double sx = Math.toRadians(shearX);
    double sy = Math.toRadians(shearY);
    double a = Math.cos(rot - sy) / Math.cos(sy);
    double b = -Math.cos(rot - sy) * Math.tan(sx) / Math.cos(sy) - Math.sin(rot);
    double cc = Math.sin(rot - sy) / Math.cos(sy);
    double d = -Math.sin(rot - sy) * Math.tan(sx) / Math.cos(sy) + Math.cos(rot);
    double[] m = {d / scale, -b / scale, 0, -cc / scale, a / scale, 0};
    m[2] += m[0] * (-cx - tx) + m[1] * (-cy - ty);
    m[5] += m[3] * (-cx - tx) + m[4] * (-cy - ty);
    m[2] += cx;
    m[5] += cy;
    // theta as float32, rescaled by (w / 2, h / 2), as _gen_affine_grid
    float hw = 0.5f * w;
    float hh = 0.5f * h;
    float t0 = (float) m[0] / hw;
    float t1 = (float) m[1] / hw;
    float t2 = (float) m[2] / hw;
    float t3 = (float) m[3] / hh;
    float t4 = (float) m[4] / hh;
    float t5 = (float) m[5] / hh;
    float[] out = new float[img.length];
    int plane = h * w;
    for (int yo = 0; yo < h; yo++) {
      float by = -h * 0.5f + 0.5f + yo;
      for (int xo = 0; xo < w; xo++) {
        float bx = -w * 0.5f + 0.5f + xo;
        float gx = bx * t0 + by * t1 + t2;
        float gy = bx * t3 + by * t4 + t5;
        // grid_sample, align_corners=False: ((g + 1) * size - 1) / 2, nearest (half to even)
        int xi = (int) Math.rint(((gx + 1f) * w - 1f) / 2f);
        int yi = (int) Math.rint(((gy + 1f) * h - 1f) / 2f);
        boolean inside = xi >= 0 && xi < w && yi >= 0 && yi < h;
        for (int k = 0; k < c; k++) {
          out[k * plane + yo * w + xo] = inside ? img[k * plane + yi * w + xi] : fill;
        }
      }
    }
    return out;
  }

  /**
   * {@code F.rotate(img, angle, NEAREST, fill=fill)}: torchvision turns the image by {@code angle}
   * degrees through {@link #affine} with {@code -angle} (its "incoherence of rotation angle
   * direction between affine and rotate", kept so that the same angle gives the same image).
   */
  public static float[] rotate(float[] img, int c, int h, int w, double angle, float fill) {
    return affine(img, c, h, w, -angle, 0, 0, 1, 0, 0, fill);
  }

  /** {@code F.adjust_brightness}: {@code clamp(f * x, 0, 1)}. */
  public static float[] brightness(float[] img, float f) {
    float[] out = new float[img.length];
    for (int i = 0; i < img.length; i++) {
      out[i] = clamp(f * img[i]);
    }
    return out;
  }

  /**
   * {@code F.adjust_contrast}: {@code clamp(f * x + (1 - f) * m, 0, 1)}, {@code m} the mean of the
   * image's grayscale ({@code 0.2989 r + 0.587 g + 0.114 b}; the image itself with one channel).
   */
  public static float[] contrast(float[] img, int c, int h, int w, float f) {
    float[] gray = grayscale(img, c, h, w);
    double sum = 0;
    for (float g : gray) {
      sum += g;
    }
    float mean = (float) (sum / gray.length);
    float[] out = new float[img.length];
    for (int i = 0; i < img.length; i++) {
      out[i] = clamp(f * img[i] + (1 - f) * mean);
    }
    return out;
  }

  /** {@code F.adjust_saturation}: {@code clamp(f * x + (1 - f) * gray, 0, 1)} per pixel; gray images unchanged. */
  public static float[] saturation(float[] img, int c, int h, int w, float f) {
    if (c == 1) {
      return img.clone();
    }
    float[] gray = grayscale(img, c, h, w);
    int plane = h * w;
    float[] out = new float[img.length];
    for (int k = 0; k < c; k++) {
      for (int p = 0; p < plane; p++) {
        out[k * plane + p] = clamp(f * img[k * plane + p] + (1 - f) * gray[p]);
      }
    }
    return out;
  }

  /**
   * {@code F.adjust_hue} on a float tensor: each pixel to HSV ({@code _rgb2hsv}), the hue shifted by
   * {@code f} modulo 1 ({@code f} in [-0.5, 0.5]), back to RGB ({@code _hsv2rgb}), in single
   * precision as torchvision computes it; gray images unchanged.
   */
  public static float[] hue(float[] img, int c, int h, int w, float f) {
    if (c == 1) {
      return img.clone();
    }
    int plane = h * w;
    float[] out = new float[img.length];
    for (int p = 0; p < plane; p++) {
      float r = img[p];
      float g = img[plane + p];
      float b = img[2 * plane + p];
      float maxc = Math.max(r, Math.max(g, b));
      float minc = Math.min(r, Math.min(g, b));
      boolean eqc = maxc == minc;
      float cr = maxc - minc;
      float s = cr / (eqc ? 1f : maxc);
      float div = eqc ? 1f : cr;
      float rc = (maxc - r) / div;
      float gc = (maxc - g) / div;
      float bc = (maxc - b) / div;
      float hh = maxc == r ? bc - gc : maxc == g ? 2f + rc - bc : 4f + gc - rc;
      hh = (hh / 6f + 1f) % 1f;
      hh = hh + f;
      hh = hh - (float) Math.floor(hh); // Python's % 1.0
      float i = (float) Math.floor(hh * 6f);
      float fr = hh * 6f - i;
      int k = Math.floorMod((int) i, 6);
      float pv = clamp(maxc * (1f - s));
      float qv = clamp(maxc * (1f - s * fr));
      float tv = clamp(maxc * (1f - s * (1f - fr)));
      float v = maxc;
      // _hsv2rgb's table: (r, g, b) by sector k
      out[p] = k == 0 || k == 5 ? v : k == 1 ? qv : k == 4 ? tv : pv;
      out[plane + p] = k == 1 || k == 2 ? v : k == 0 ? tv : k == 3 ? qv : pv;
      out[2 * plane + p] = k == 3 || k == 4 ? v : k == 2 ? tv : k == 5 ? qv : pv;
    }
    return out;
  }

  /**
   * {@code F.resized_crop(img, top, left, ch, cw, [oh, ow], BILINEAR)} on a float tensor: the box
   * of {@code ch x cw} pixels at row {@code top}, column {@code left}, resized to {@code oh x ow} by
   * bilinear interpolation without antialiasing ({@code interpolate(align_corners=False)}: source
   * coordinate {@code (d + 0.5) * in / out - 0.5}, clamped at 0). The box lies inside the image.
   */
  public static float[] resizedCrop(float[] img, int c, int h, int w, int top, int left, int ch, int cw, int oh,
      int ow) {
    int[] x0 = new int[ow];
    int[] x1 = new int[ow];
    float[] lx = new float[ow];
    sourceIndices(cw, ow, left, x0, x1, lx);
    int[] y0 = new int[oh];
    int[] y1 = new int[oh];
    float[] ly = new float[oh];
    sourceIndices(ch, oh, top, y0, y1, ly);
    float[] out = new float[c * oh * ow];
    for (int k = 0; k < c; k++) {
      int base = k * h * w;
      for (int y = 0; y < oh; y++) {
        int r0 = base + y0[y] * w;
        int r1 = base + y1[y] * w;
        float wy1 = ly[y];
        float wy0 = 1f - wy1;
        for (int x = 0; x < ow; x++) {
          float wx1 = lx[x];
          float wx0 = 1f - wx1;
          out[(k * oh + y) * ow + x] = wy0 * (wx0 * img[r0 + x0[x]] + wx1 * img[r0 + x1[x]])
              + wy1 * (wx0 * img[r1 + x0[x]] + wx1 * img[r1 + x1[x]]);
        }
      }
    }
    return out;
  }

  private static void sourceIndices(int in, int out, int offset, int[] i0, int[] i1, float[] lambda) {
    float scale = (float) in / out;
    for (int d = 0; d < out; d++) {
      float src = Math.max(0f, scale * (d + 0.5f) - 0.5f);
      int lo = Math.min((int) src, in - 1);
      i0[d] = offset + lo;
      i1[d] = offset + (lo < in - 1 ? lo + 1 : lo);
      lambda[d] = Math.min(src - lo, 1f);
    }
  }

  /** {@code F.rgb_to_grayscale}: {@code 0.2989 r + 0.587 g + 0.114 b}; a gray image itself. */
  static float[] grayscale(float[] img, int c, int h, int w) {
    int plane = h * w;
    if (c == 1) {
      return java.util.Arrays.copyOf(img, plane);
    }
    float[] g = new float[plane];
    for (int p = 0; p < plane; p++) {
      g[p] = 0.2989f * img[p] + 0.587f * img[plane + p] + 0.114f * img[2 * plane + p];
    }
    return g;
  }

  /** {@code F.erase}: the box of {@code bh x bw} pixels at row {@code top}, column {@code left} set to {@code v}. */
  public static float[] erase(float[] img, int c, int h, int w, int top, int left, int bh, int bw, float v) {
    float[] out = img.clone();
    for (int k = 0; k < c; k++) {
      for (int y = top; y < Math.min(h, top + bh); y++) {
        java.util.Arrays.fill(out, (k * h + y) * w + left, (k * h + y) * w + Math.min(w, left + bw), v);
      }
    }
    return out;
  }

  private static float clamp(float v) {
    return v < 0 ? 0 : v > 1 ? 1 : v;
  }
}
