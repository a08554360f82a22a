package org.imbalanced4j.boost;

import java.io.IOException;
import java.lang.ref.Cleaner;
import java.util.List;
import java.util.Map;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.XGBoost;
import ml.dmlc.xgboost4j.java.XGBoostError;
import org.imbalanced4j.DataException;
import org.imbalanced4j.data.Dataset;
import org.imbalanced4j.data.Schema;
import org.imbalanced4j.model.Model;
import org.imbalanced4j.model.Provenance;
import org.imbalanced4j.model.Standardizer;
import org.imbalanced4j.model.io.ModelFormat;
import org.imbalanced4j.model.io.ModelWriter;

/**
 * A fitted XGBoost booster with the inputs it was trained on. Probabilities come from the kept
 * rounds ({@code [0, rounds)}: the best round when early stopping ran). The booster's native memory
 * is freed when the model becomes unreachable (a {@link Cleaner}), so a model lives exactly as long
 * as a caller holds it. Scoring is serialised on the booster; the model is safe to share.
 */
public final class XGBoostModel implements Model {
  private static final Cleaner CLEANER = Cleaner.create();

  /** Reads {@code xgboost} models: the booster in UBJSON ({@code booster.ubj}). */
  public static final ModelFormat FORMAT = ModelFormat.of("xgboost", in -> {
    Standardizer std = Standardizer.read(in.get("standardizer"));
    int kept = in.get("rounds").asInt();
    try {
      Booster b = XGBoost.loadModel(in.read("booster.ubj"));
      return new XGBoostModel(in.schema(), std, b, kept, List.of(), new Provenance("xgboost", Map.of(), 0, "saved"));
    } catch (XGBoostError e) {
      throw in.error("booster.ubj cannot be read: " + e.getMessage());
    }
  });

  private final Schema schema;
  private final Standardizer std;
  private final Booster booster;
  private final int rounds;
  private final List<String> warnings;
  private final Provenance provenance;

  XGBoostModel(Schema schema, Standardizer std, Booster booster, int rounds, List<String> warnings,
      Provenance provenance) {
    this.schema = schema;
    this.std = std;
    this.booster = booster;
    this.rounds = rounds;
    this.warnings = List.copyOf(warnings);
    this.provenance = provenance;
    CLEANER.register(this, booster::dispose);
  }

  /** The boosting rounds the model uses. */
  public int rounds() {
    return rounds;
  }

  @Override
  public double[][] predictProba(Dataset data) {
    int k = schema.classCount();
    float[][] raw;
    try {
      synchronized (booster) {
        raw = booster.inplace_predict(std.transform(data), data.rows(), std.width(), Float.NaN, new int[] {0, rounds});
      }
    } catch (XGBoostError e) {
      throw new DataException("xgboost: " + e.getMessage());
    } finally {
      java.lang.ref.Reference.reachabilityFence(this); // the cleaner must not free the booster mid-call
    }
    double[][] p = new double[data.rows()][k];
    for (int i = 0; i < p.length; i++) {
      if (k == 2) {
        p[i][1] = raw[i][0];
        p[i][0] = 1 - p[i][1];
      } else {
        for (int c = 0; c < k; c++) {
          p[i][c] = raw[i][c];
        }
      }
    }
    return p;
  }

  @Override
  public List<String> warnings() {
    return warnings;
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
    return "xgboost";
  }

  @Override
  public void save(ModelWriter out) throws IOException {
    out.put("standardizer", std.toMap());
    out.put("rounds", rounds);
    String version = XGBoost.class.getPackage().getImplementationVersion();
    if (version != null) {
      out.version("xgboost4j", version);
    }
    try {
      byte[] b;
      synchronized (booster) {
        b = booster.toByteArray("ubj");
      }
      out.write("booster.ubj", b);
    } catch (XGBoostError e) {
      throw new IOException("xgboost: " + e.getMessage(), e);
    } finally {
      java.lang.ref.Reference.reachabilityFence(this);
    }
  }
}
