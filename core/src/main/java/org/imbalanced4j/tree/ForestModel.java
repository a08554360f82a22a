package org.imbalanced4j.tree;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.imbalanced4j.data.Dataset;
import org.imbalanced4j.data.Schema;
import org.imbalanced4j.model.Model;
import org.imbalanced4j.model.Provenance;
import org.imbalanced4j.model.Standardizer;
import org.imbalanced4j.model.io.ModelFormat;
import org.imbalanced4j.model.io.ModelWriter;

/**
 * A fitted tree, forest or boosted ensemble of trees: the inputs made as for every learner of
 * tables ({@link Standardizer}: numeric columns as z-scores, which leave a tree's splits unchanged,
 * categories one-hot) and the trees, combined as {@link Combine} says. Immutable; scores on all
 * cores.
 */
public final class ForestModel implements Model {
  /** How the trees' leaves become probabilities, with {@code v_t(x)} tree t's leaf distribution for x. */
  public enum Combine {
    /** The mean, {@code p(x) = (1/T) sum_t v_t(x)}, as scikit-learn's forests average {@code predict_proba}. */
    MEAN,
    /**
     * AdaBoost SAMME.R (Zhu, Zou, Rosset and Hastie, "Multi-class AdaBoost", 2009): {@code h_t =
     * (K-1)(log v_t - mean_k log v_t)} (v clipped at 2.2e-16), {@code f = (1/T) sum_t h_t}, {@code p
     * = softmax(f / (K-1))}; for two classes {@code d = f_1 - f_0} and {@code p = softmax(-d/2,
     * d/2)}, as scikit-learn's {@code AdaBoostClassifier.predict_proba}.
     */
    SAMME_R,
    /**
     * Discrete AdaBoost SAMME: {@code f_c = sum_t a_t [argmax v_t = c] / sum_t a_t} with the
     * rounds' weights {@code a_t}, then probabilities as for SAMME.R.
     */
    SAMME
  }

  /** Reads {@code forest} models: the standardizer in {@code model.json}, the trees in {@code trees.bin}. */
  public static final ModelFormat FORMAT = ModelFormat.of("forest", in -> {
    Standardizer std = Standardizer.read(in.get("standardizer"));
    int classes = in.schema().classCount();
    Tree[] trees;
    boolean floatThresholds = !"double".equals(in.section().path("thresholds").asText("float"));
    try (DataInputStream d = new DataInputStream(in.open("trees.bin"))) {
      int n = d.readInt();
      if (n <= 0 || n > 1_000_000) {
        throw in.error("trees.bin holds " + n + " trees");
      }
      trees = new Tree[n];
      for (int t = 0; t < n; t++) {
        trees[t] = Tree.read(d, classes, std.width(), floatThresholds);
      }
    } catch (java.io.EOFException e) {
      throw in.error("trees.bin ends early");
    } catch (IOException e) {
      throw in.error("trees.bin: " + e.getMessage());
    }
    Combine combine = Combine.valueOf(in.section().path("combine").asText("MEAN"));
    double[] weights = in.section().has("weights") ? in.doubles("weights") : null;
    if (weights != null && weights.length != trees.length) {
      throw in.error("model.json has " + weights.length + " tree weights for " + trees.length + " trees");
    }
    return new ForestModel(in.schema(), std, List.of(trees), combine, weights,
        new Provenance(in.get("trainer").asText(), Map.of(), 0, "saved"));
  });

  private final Schema schema;
  private final Standardizer std;
  private final List<Tree> trees;
  private final Combine combine;
  private final double[] weights;
  private final Provenance provenance;

  /** @param weights the trees' weights for {@link Combine#SAMME}, else null */
  ForestModel(Schema schema, Standardizer std, List<Tree> trees, Combine combine, double[] weights,
      Provenance provenance) {
    if (trees.isEmpty()) {
      throw new IllegalArgumentException("a forest of no trees");
    }
    this.schema = schema;
    this.std = std;
    this.trees = List.copyOf(trees);
    this.combine = combine;
    this.weights = weights == null ? null : weights.clone();
    this.provenance = provenance;
  }

  /** The trees, in the order they were grown. */
  public List<Tree> trees() {
    return trees;
  }

  @Override
  public double[][] predictProba(Dataset data) {
    float[] x = std.transform(data);
    int width = std.width();
    int k = schema.classCount();
    double[][] out = new double[data.rows()][k];
    int block = 1024;
    IntStream.range(0, (data.rows() + block - 1) / block).parallel().forEach(b -> {
      int end = Math.min(out.length, (b + 1) * block);
      for (int i = b * block; i < end; i++) {
        score(x, i * width, out[i]);
      }
    });
    return out;
  }

  /** The probabilities of one row into {@code p}. */
  private void score(float[] x, int offset, double[] p) {
    int k = p.length;
    if (combine == Combine.MEAN) {
      for (Tree t : trees) {
        t.addProba(x, offset, 1.0 / trees.size(), p);
      }
      return;
    }
    double[] v = new double[k];
    double total = 0;
    for (int t = 0; t < trees.size(); t++) {
      java.util.Arrays.fill(v, 0);
      trees.get(t).addProba(x, offset, 1, v);
      if (combine == Combine.SAMME_R) {
        double mean = 0;
        for (int c = 0; c < k; c++) {
          v[c] = Math.log(Math.max(v[c], Boosting.EPS));
          mean += v[c] / k;
        }
        for (int c = 0; c < k; c++) {
          p[c] += (k - 1) * (v[c] - mean);
        }
        total += 1;
      } else {
        p[Boosting.argmax(v)] += weights[t];
        total += weights[t];
      }
    }
    for (int c = 0; c < k; c++) {
      p[c] /= total;
    }
    softmaxOfDecision(p);
  }

  /** scikit-learn's {@code _compute_proba_from_decision}, in place. */
  static void softmaxOfDecision(double[] f) {
    int k = f.length;
    if (k == 2) {
      double d = f[1] - f[0];
      f[0] = -d / 2;
      f[1] = d / 2;
    } else {
      for (int c = 0; c < k; c++) {
        f[c] /= k - 1;
      }
    }
    double max = Double.NEGATIVE_INFINITY;
    for (double v : f) {
      max = Math.max(max, v);
    }
    double sum = 0;
    for (int c = 0; c < k; c++) {
      f[c] = Math.exp(f[c] - max);
      sum += f[c];
    }
    for (int c = 0; c < k; c++) {
      f[c] /= sum;
    }
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
    return "forest";
  }

  @Override
  public void save(ModelWriter out) throws IOException {
    out.put("trainer", provenance.trainer());
    out.put("standardizer", std.toMap());
    out.put("trees", trees.size());
    out.put("combine", combine.name());
    out.put("thresholds", "double");
    if (weights != null) {
      out.put("weights", weights);
    }
    out.write("trees.bin", o -> {
      DataOutputStream d = new DataOutputStream(o);
      d.writeInt(trees.size());
      for (Tree t : trees) {
        t.write(d);
      }
      d.flush();
    });
  }
}
