package org.imbalanced4j.boost;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoost;
import ml.dmlc.xgboost4j.java.XGBoostError;
import org.imbalanced4j.DataException;
import org.imbalanced4j.catalog.Param;
import org.imbalanced4j.catalog.Params;
import org.imbalanced4j.data.Dataset;
import org.imbalanced4j.learn.Capability;
import org.imbalanced4j.learn.Learner;
import org.imbalanced4j.model.Model;
import org.imbalanced4j.model.Provenance;
import org.imbalanced4j.model.Standardizer;
import org.imbalanced4j.model.Trainer;
import org.imbalanced4j.weights.ClassWeights;

/**
 * Gradient-boosted trees (Chen and Guestrin, "XGBoost: a scalable tree boosting system", KDD 2016)
 * through XGBoost4J's Java API: histogram trees, {@code binary:logistic} for two classes and {@code
 * multi:softprob} for more, on the inputs every learner of tables gets. Imbalance is met with
 * {@code scale_pos_weight} (two classes: the weight of class 1's rows; {@code auto} is {@code n_0 /
 * n_1}, XGBoost's advice) or per-row class weights ({@code class_weight}). With {@code
 * early_stopping_rounds} the validation rows of the training fold (held out before any resampling)
 * stop the boosting when their log loss has not improved for that many rounds, and the model keeps
 * the best round. Both cores; the same seed gives the same model.
 */
public final class XGBoostTrainer implements Trainer {
  /** The catalogue entry. */
  public static final Learner LEARNER = new Learner("xgboost",
      "gradient-boosted trees through XGBoost4J (hist), with scale_pos_weight or class weights and early stopping "
          + "on the training fold's validation rows.",
      List.of(new Param("n_estimators", "300", "most boosting rounds"),
          new Param("max_depth", "6", "depth of each tree"),
          new Param("learning_rate", "0.1", "shrinkage of each round"),
          new Param("subsample", "1.0", "share of rows each tree sees"),
          new Param("colsample_bytree", "1.0", "share of columns each tree sees"),
          new Param("min_child_weight", "1", "least summed hessian in a leaf"),
          new Param("reg_lambda", "1", "L2 penalty on leaf values"),
          new Param("scale_pos_weight", "1", "two classes: weight of class 1's rows; auto: n_0 / n_1"),
          new Param("class_weight", "none", "none | balanced | inverse | sqrt | effective: per-row weights"),
          new Param("early_stopping_rounds", "20", "rounds without a better validation log loss before stopping "
              + "(0: all n_estimators rounds, no validation rows)")),
      Set.of(Capability.TABLE, Capability.SAMPLE_WEIGHTS, Capability.VALIDATION_ROWS),
      XGBoostTrainer::new, XGBoostModel.FORMAT);

  private final Map<String, String> given;
  private final int rounds;
  private final int depth;
  private final double rate;
  private final double subsample;
  private final double colsample;
  private final double minChildWeight;
  private final double lambda;
  private final String scalePosWeight;
  private final String classWeight;
  private final int earlyStopping;

  private XGBoostTrainer(Params p) {
    this.given = new LinkedHashMap<>(p.given());
    this.rounds = p.positive("n_estimators", 300);
    this.depth = p.positive("max_depth", 6);
    this.rate = p.real("learning_rate", 0.1, Double.MIN_VALUE, 1);
    this.subsample = p.real("subsample", 1.0, Double.MIN_VALUE, 1);
    this.colsample = p.real("colsample_bytree", 1.0, Double.MIN_VALUE, 1);
    this.minChildWeight = p.real("min_child_weight", 1, 0, 1e9);
    this.lambda = p.real("reg_lambda", 1, 0, 1e9);
    String spw = p.text("scale_pos_weight", "1");
    if (!spw.equalsIgnoreCase("auto")) {
      p.real("scale_pos_weight", 1, Double.MIN_VALUE, 1e9);
    }
    this.scalePosWeight = spw;
    this.classWeight = p.choice("class_weight", "none", ClassWeights.SCHEMES);
    this.earlyStopping = p.integer("early_stopping_rounds", 20);
    if (earlyStopping < 0) {
      throw new org.imbalanced4j.InvalidOptionException("xgboost: early_stopping_rounds must be 0 or more, got "
          + earlyStopping);
    }
  }

  @Override
  public String describe() {
    return Params.label("xgboost", given);
  }

  @Override
  public boolean usesValidation() {
    return earlyStopping > 0;
  }

  @Override
  public Model fit(Dataset train, Dataset validation, long seed) {
    long[] counts = train.classCounts().counts();
    int k = counts.length;
    if (train.classCounts().presentClassCount() < 2) {
      throw new DataException("xgboost: the training rows hold one class");
    }
    Standardizer std = Standardizer.fit(train);
    Map<String, Object> params = new HashMap<>();
    params.put("objective", k == 2 ? "binary:logistic" : "multi:softprob");
    if (k > 2) {
      params.put("num_class", k);
    }
    params.put("eval_metric", k == 2 ? "logloss" : "mlogloss");
    params.put("tree_method", "hist");
    params.put("max_depth", depth);
    params.put("eta", rate);
    params.put("subsample", subsample);
    params.put("colsample_bytree", colsample);
    params.put("min_child_weight", minChildWeight);
    params.put("lambda", lambda);
    params.put("seed", (int) (seed & 0x7fffffff));
    params.put("nthread", Runtime.getRuntime().availableProcessors());
    params.put("verbosity", 0);
    if (k == 2) {
      params.put("scale_pos_weight", scalePosWeight.equalsIgnoreCase("auto")
          ? (double) counts[0] / Math.max(1, counts[1]) : Double.parseDouble(scalePosWeight));
    }
    double[] cw = classWeight.equals("none") ? null : ClassWeights.of(classWeight, counts, 0.999);
    DMatrix dtrain = null;
    DMatrix dval = null;
    try {
      dtrain = matrix(train, std, cw);
      boolean stop = earlyStopping > 0 && validation != null && validation.rows() > 0;
      if (stop) {
        dval = matrix(validation, std, cw);
      }
      // the rounds one by one (XGBoost.train's own early stopping prints to the console)
      Booster b = XGBoost.train(dtrain, params, 0, new HashMap<>(), null, null);
      int kept = 0; // rounds the model keeps: all of them, or up to the best on the validation rows
      double bestLoss = Double.POSITIVE_INFINITY;
      float[] loss = new float[1];
      for (int r = 0, since = 0; r < rounds && since < Math.max(1, earlyStopping); r++) {
        b.update(dtrain, r);
        if (!stop) {
          kept = r + 1;
          continue;
        }
        b.evalSet(new DMatrix[] {dval}, new String[] {"validation"}, r, loss);
        if (loss[0] < bestLoss) { // strictly better, as XGBoost's early stopping
          bestLoss = loss[0];
          kept = r + 1;
          since = 0;
        } else {
          since++;
        }
      }
      Map<String, Object> prov = new LinkedHashMap<>(given);
      prov.put("rounds_kept", kept);
      List<String> warnings = stop && kept >= rounds - Math.max(1, earlyStopping / 4) ? List.of(String.format(
          "xgboost stopped at its round cap (n_estimators=%d) while the validation log loss was still improving "
              + "(best round %d); raise n_estimators", rounds, kept)) : List.of();
      return new XGBoostModel(train.schema(), std, b, kept, warnings,
          new Provenance(describe(), prov, seed, train.rows() + " rows"));
    } catch (XGBoostError e) {
      throw new DataException("xgboost: " + e.getMessage());
    } finally {
      if (dtrain != null) {
        dtrain.dispose();
      }
      if (dval != null) {
        dval.dispose();
      }
    }
  }

  /** A DMatrix of the rows' inputs, labels and weights (sample weights times class weights). */
  private static DMatrix matrix(Dataset d, Standardizer std, double[] classWeights) throws XGBoostError {
    DMatrix m = new DMatrix(std.transform(d), d.rows(), std.width(), Float.NaN);
    float[] y = new float[d.rows()];
    float[] w = new float[d.rows()];
    boolean weighted = classWeights != null || d.hasWeights();
    for (int i = 0; i < y.length; i++) {
      y[i] = d.label(i);
      w[i] = (float) ((d.hasWeights() ? d.weight(i) : 1) * (classWeights == null ? 1 : classWeights[d.label(i)]));
    }
    m.setLabel(y);
    if (weighted) {
      m.setWeight(w);
    }
    return m;
  }
}
