package org.imbalanced4j.djl.anomaly;

import java.util.List;
import org.imbalanced4j.anomaly.DetectorKind;
import org.imbalanced4j.catalog.Param;
import org.imbalanced4j.catalog.Params;

/** The djl module's anomaly detectors: an autoencoder's reconstruction error and Deep SVDD. */
public final class DeepDetectors {
  private DeepDetectors() {}

  /** The detectors on DJL: autoencoder and Deep SVDD. */
  public static final List<DetectorKind> ALL = List.of(
      new DetectorKind("autoencoder", "An autoencoder's reconstruction error (DJL)",
          params("64,16", "the encoder's widths, the last the code's; the decoder mirrors them", "0"),
          p -> new Autoencoder(p.positives("hidden", new int[] {64, 16}), options(p, 0)),
          DistanceModel::readAutoencoder),
      new DetectorKind("deep-svdd", "Deep SVDD, distance to the centre of a learned representation (DJL)",
          params("64,32", "the widths of the bias-free layers, the last the representation's", "1e-6"),
          p -> new DeepSvdd(p.positives("hidden", new int[] {64, 32}), options(p, 1e-6)), DistanceModel::readDeepSvdd));

  private static List<Param> params(String hidden, String what, String decay) {
    return List.of(new Param("hidden", hidden, what),
        new Param("epochs", "100", "most epochs, a cap: training stops when the held-out tenth's loss stops falling"),
        new Param("patience", "10", "epochs without a lower held-out loss before stopping"),
        new Param("batch_size", "64", "rows per step"), new Param("lr", "0.001", "Adam's learning rate"),
        new Param("weight_decay", decay, "decoupled L2 weight decay"));
  }

  private static StackFit.Options options(Params p, double decay) {
    return new StackFit.Options(p.positive("epochs", 100), p.positive("patience", 10), p.positive("batch_size", 64),
        p.real("lr", 0.001, Double.MIN_VALUE, 10), p.real("weight_decay", decay, 0, 1));
  }
}
