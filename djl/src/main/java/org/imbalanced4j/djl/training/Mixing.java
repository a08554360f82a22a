package org.imbalanced4j.djl.training;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.imbalanced4j.InvalidOptionException;

/**
 * Mixing a training batch of images with a shuffled copy of itself, the loss then taken against
 * both label sets, {@code w_i L(y_i) + (1 - w_i) L(y_perm(i))}: MixUp (Zhang et al., "mixup:
 * beyond empirical risk minimization", ICLR 2018), CutMix (Yun et al., ICCV 2019) and Remix (Chou
 * et al., "Remix: rebalanced mixup", ECCV workshops 2020), which gives the mix's label to the
 * rarer class when the classes' counts differ by {@code kappa} or more and the rarer image
 * contributes more than {@code tau} of the pixels. One mixing weight per batch, drawn from {@code
 * Beta(1, 1)}: uniform, the papers' {@code alpha = 1}.
 */
public final class Mixing {
  /** The names of {@code --mix}. */
  public static final List<String> NAMES = List.of("none", "mixup", "cutmix", "remix");

  private final String kind;
  private final long[] counts;
  private final double kappa;
  private final double tau;

  private Mixing(String kind, long[] counts, double kappa, double tau) {
    this.kind = kind;
    this.counts = counts == null ? null : counts.clone();
    this.kappa = kappa;
    this.tau = tau;
  }

  /**
   * The mixing of that name, or null for {@code none}: {@code mixup}, {@code cutmix}, {@code remix}
   * (MixUp images, kappa 3, tau 0.5, with the training rows' class counts).
   */
  public static Mixing of(String name, long[] classCounts) {
    return switch (name.toLowerCase(Locale.ROOT)) {
      case "none" -> null;
      case "mixup" -> new Mixing("mixup", null, 0, 0);
      case "cutmix" -> new Mixing("cutmix", null, 0, 0);
      case "remix" -> new Mixing("remix", classCounts, 3.0, 0.5);
      default -> throw InvalidOptionException.unknown("mix", name, NAMES);
    };
  }

  /**
   * A mixed batch: the images, the labels of each row and of the image mixed into it, and the
   * weight of each row's own label.
   */
  public record Mixed(NDList inputs, int[] labelsA, int[] labelsB, double[] weightA) {}

  /** Mixes {@code inputs} (one {@code (n, c, h, w)} array) with its rows shuffled. */
  public Mixed mix(NDManager manager, NDList inputs, int[] labels, SplittableRandom rng) {
    NDArray x = inputs.singletonOrThrow();
    int n = labels.length;
    int[] perm = org.imbalanced4j.numeric.Indices.permutation(n, rng);
    int[] yb = new int[n];
    for (int i = 0; i < n; i++) {
      yb[i] = labels[perm[i]];
    }
    double lam = rng.nextDouble(); // Beta(1, 1)
    NDArray shuffled = x.get(manager.create(perm));
    NDArray mixed;
    if (kind.equals("cutmix")) {
      Shape s = x.getShape();
      int h = (int) s.get(2);
      int w = (int) s.get(3);
      double cut = Math.sqrt(1 - lam);
      int ch = (int) (h * cut);
      int cw = (int) (w * cut);
      int cy = rng.nextInt(h);
      int cx = rng.nextInt(w);
      int y1 = Math.max(0, cy - ch / 2);
      int y2 = Math.min(h, cy + ch / 2);
      int x1 = Math.max(0, cx - cw / 2);
      int x2 = Math.min(w, cx + cw / 2);
      float[] mask = new float[h * w];
      for (int yy = y1; yy < y2; yy++) {
        for (int xx = x1; xx < x2; xx++) {
          mask[yy * w + xx] = 1;
        }
      }
      NDArray m = manager.create(mask, new Shape(1, 1, h, w));
      mixed = x.mul(m.neg().add(1)).add(shuffled.mul(m));
      lam = 1 - (double) (y2 - y1) * (x2 - x1) / (h * w); // the share of the row's own image
    } else {
      mixed = x.mul((float) lam).add(shuffled.mul((float) (1 - lam)));
    }
    double[] wa = new double[n];
    for (int i = 0; i < n; i++) {
      wa[i] = lam;
      if (kind.equals("remix")) {
        double na = counts[labels[i]];
        double nb = counts[yb[i]];
        if (na / nb >= kappa && lam < tau) {
          wa[i] = 0; // the mixed-in image is of a class kappa times rarer: its label
        } else if (na / nb <= 1 / kappa && 1 - lam < tau) {
          wa[i] = 1;
        }
      }
    }
    return new Mixed(new NDList(mixed), labels.clone(), yb, wa);
  }
}
