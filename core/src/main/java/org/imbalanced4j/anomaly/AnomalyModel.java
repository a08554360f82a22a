package org.imbalanced4j.anomaly;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Map;
import org.imbalanced4j.data.Dataset;
import org.imbalanced4j.data.Schema;
import org.imbalanced4j.model.Model;
import org.imbalanced4j.model.Provenance;
import org.imbalanced4j.model.Standardizer;
import org.imbalanced4j.model.io.ModelFormat;
import org.imbalanced4j.model.io.ModelWriter;

/**
 * A detector fitted on the majority class, as a classifier: with anomaly score {@code s(x)}, cut
 * {@code t} and the training scores' interquartile range {@code w}, the probability of "not the
 * majority" is {@code a(x) = 1 / (1 + exp(-(s(x) - t) / w))} (one half at the cut, so argmax decides
 * by the cut), shared among the other classes by their training counts; the majority gets {@code 1
 * - a(x)}. Immutable.
 */
public final class AnomalyModel implements Model {
  /** Reads {@code anomaly} models: the cut and scale in {@code model.json}, the detector in {@code detector.bin}. */
  public static final ModelFormat FORMAT = ModelFormat.of("anomaly", in -> {
    Standardizer std = Standardizer.read(in.get("standardizer"));
    String name = in.get("detector").asText();
    Detector.Fitted fitted;
    try (DataInputStream d = new DataInputStream(in.open("detector.bin"))) {
      fitted = Detectors.read(name, d, std.width());
    } catch (java.io.EOFException e) {
      throw in.error("detector.bin ends early");
    } catch (IOException e) {
      throw in.error("detector.bin: " + e.getMessage());
    }
    double[] priors = in.doubles("priors");
    int majority = in.get("majority").asInt();
    if (priors.length != in.schema().classCount() || majority < 0 || majority >= priors.length) {
      throw in.error("model.json's priors or majority do not match the classes");
    }
    return new AnomalyModel(in.schema(), std, fitted, majority, in.get("cut").asDouble(), in.get("scale").asDouble(),
        priors, new Provenance(name, Map.of(), 0, "saved"));
  });

  private final Schema schema;
  private final Standardizer std;
  private final Detector.Fitted detector;
  private final int majority;
  private final double cut;
  private final double scale;
  private final double[] priors;
  private final Provenance provenance;

  AnomalyModel(Schema schema, Standardizer std, Detector.Fitted detector, int majority, double cut, double scale,
      double[] priors, Provenance provenance) {
    this.schema = schema;
    this.std = std;
    this.detector = detector;
    this.majority = majority;
    this.cut = cut;
    this.scale = scale;
    this.priors = priors.clone();
    this.provenance = provenance;
  }

  /** The anomaly score of each row (higher: less like the majority class). */
  public double[] anomaly(Dataset data) {
    return detector.anomaly(std.transform(data), data.rows());
  }

  /** The score above which a row is called not the majority class. */
  public double cut() {
    return cut;
  }

  @Override
  public double[][] predictProba(Dataset data) {
    double[] s = anomaly(data);
    double[][] p = new double[s.length][priors.length];
    for (int i = 0; i < s.length; i++) {
      double a = 1 / (1 + Math.exp(-(s[i] - cut) / scale));
      for (int c = 0; c < priors.length; c++) {
        p[i][c] = c == majority ? 1 - a : a * priors[c];
      }
    }
    return p;
  }

  @Override
  public Schema schema() {
    return schema;
  }

  @Override
  public Provenance provenance() {
    return provenance;
  }

  @Override
  public String kind() {
    return "anomaly";
  }

  @Override
  public void save(ModelWriter out) throws IOException {
    out.put("detector", detector.name());
    out.put("standardizer", std.toMap());
    out.put("majority", majority);
    out.put("cut", cut);
    out.put("scale", scale);
    out.put("priors", priors);
    out.write("detector.bin", o -> {
      DataOutputStream d = new DataOutputStream(o);
      detector.write(d);
      d.flush();
    });
  }
}
