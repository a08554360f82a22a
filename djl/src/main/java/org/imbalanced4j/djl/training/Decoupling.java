package org.imbalanced4j.djl.training;

import ai.djl.MalformedModelException;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.imbalanced4j.DataException;
import org.imbalanced4j.data.Dataset;
import org.imbalanced4j.djl.engine.PyTorchEngine;
import org.imbalanced4j.metrics.LabelMetrics;
import org.imbalanced4j.model.Provenance;
import org.imbalanced4j.optim.SmoothObjective;
import org.imbalanced4j.optim.TrustRegionNewton;

/**
 * Decoupled classifier learning on a trained network (Kang, Xie, Rohrbach, Yan, Gordo, Feng and
 * Kalantidis, "Decoupling representation and classifier for long-tailed recognition", ICLR 2020):
 * the representation stays, only the classifier head, the network's last linear layer {@code z_c =
 * w_c . f + b_c}, changes.
 *
 * <p>tau-normalisation: {@code w_c <- w_c / |w_c|^tau} and no bias, so the larger norms that the
 * frequent classes' weights grow under instance-balanced training stop deciding; {@code tau} in
 * {0, 0.1, ..., 2} is the one with the highest balanced accuracy on the validation rows (the
 * smallest on a tie). The result is a plain network whose head holds the normalised weights; when
 * no tau beats the head as it was on the validation rows, the head stays as it was ({@code tau} NaN).
 *
 * <p>cRT (classifier re-training): the head re-initialised (to zeros: on fixed features its
 * cross-entropy is convex, so the start does not matter) and trained with cross-entropy on
 * class-balanced batches (each class drawn equally often, Shen et al. 2016), every other parameter
 * frozen, until the validation rows say stop, as any fit. Batch normalisation's running statistics
 * still follow the batches, as in the authors' code, which leaves the backbone in training mode.
 *
 * <p>LWS (learnable weight scaling): each class's weights and bias multiplied by a learnt scale
 * {@code s_c}, so {@code z_c -> s_c z_c}, everything else fixed. The scales minimise the
 * class-balanced cross-entropy {@code sum_i w_i -log softmax(s * z_i)_{y_i}} with {@code w_i = 1 /
 * (K n_{y_i})} — what class-balanced sampling minimises in expectation — over the training rows'
 * logits, plus {@code 1e-4/2 |s - 1|^2}; convex in s, solved to its optimum by {@link
 * TrustRegionNewton}.
 */
public final class Decoupling {
  private Decoupling() {}

  /** The tau grid: 0 to 2 in steps of 0.1. */
  static final double[] TAUS = java.util.stream.IntStream.rangeClosed(0, 20).mapToDouble(i -> i / 10.0).toArray();

  /**
   * A decoupled model and what chose it.
   *
   * @param before the balanced accuracy of the model it started from on the same rows
   * @param after the decoupled model's
   */
  public record Result(NeuralModel model, String method, double tau, double before, double after) {}

  /** tau-normalises {@code m}'s classifier head, {@code tau} chosen on {@code validation}. */
  public static Result tauNormalize(NeuralModel m, Dataset validation) {
    if (validation.rows() == 0) {
      throw new DataException("tau-normalisation chooses tau on validation rows; there are none (--val-split 0)");
    }
    TrainingLoop.Result r = m.result();
    int k = r.classes();
    Head head;
    synchronized (TrainingLoop.COLLECTOR) {
      head = Head.of(r);
    }
    double[][] z = m.scores(validation);
    int[] y = validation.labels();
    double before = LabelMetrics.balancedAccuracy(y, argmax(z, null, null, 0), k, false);
    double[] norm = head.norms();
    double bestTau = 0;
    double best = Double.NEGATIVE_INFINITY;
    for (double tau : TAUS) {
      double ba = LabelMetrics.balancedAccuracy(y, argmax(z, head.bias, norm, tau), k, false);
      if (ba > best) {
        best = ba;
        bestTau = tau;
      }
    }
    if (best <= before) {
      return new Result(m, "tau", Double.NaN, before, before);
    }
    byte[] params;
    synchronized (TrainingLoop.COLLECTOR) {
      params = head.normalized(r, bestTau);
    }
    TrainingLoop.Result nr = new TrainingLoop.Result(params, r.input(), r.example(), k, r.network(), r.bestEpoch(),
        r.bestMetric(), r.history(), r.warnings());
    Map<String, Object> p = new LinkedHashMap<>(m.provenance().parameters());
    p.put("decouple", "tau");
    p.put("tau", bestTau);
    return new Result(new NeuralModel(m.schema(), nr, new Provenance(m.provenance().trainer() + " + tau-norm", p,
        m.provenance().seed(), m.provenance().data())), "tau", bestTau, before, best);
  }

  /**
   * cRT of {@code m}'s head on {@code train}, stopping on {@code validation}: the loop's defaults
   * otherwise (Adam, the automatic patience, balanced log loss), {@code epochs} a cap; {@code
   * listener} (or null) hears each epoch.
   */
  public static Result classifierRetrain(NeuralModel m, Dataset train, Dataset validation, int epochs, int batchSize,
      float lr, long seed, java.util.function.Consumer<EpochLog> listener) {
    return classifierRetrain(m, train, validation, epochs, batchSize, lr, seed, listener, 0);
  }

  /** As above, stopping when another epoch would pass {@code timeLimit} seconds (0: no limit). */
  public static Result classifierRetrain(NeuralModel m, Dataset train, Dataset validation, int epochs, int batchSize,
      float lr, long seed, java.util.function.Consumer<EpochLog> listener, double timeLimit) {
    TrainingLoop.Result r = m.result();
    Head head;
    byte[] start;
    synchronized (TrainingLoop.COLLECTOR) {
      head = Head.of(r);
      start = head.replaced(r, new float[head.weight().length], new float[head.classes()]);
    }
    String prefix = head.weightName().substring(0, head.weightName().length() - "weight".length());
    TrainingLoop loop = TrainingLoop.builder().optNetwork(r.network())
        .setLoss(new org.imbalanced4j.djl.losses.WeightedCrossEntropyLoss(null, 0)).optEpochs(epochs)
        .optPatience(NetworkConfig.autoPatience(train.rows(), batchSize)).optBatchSize(batchSize).optLearningRate(lr)
        .optSeed((int) seed).optInitialParameters(start).optFreeze(n -> !n.startsWith(prefix))
        .optSampler(org.imbalanced4j.djl.samplers.ClassSamplers.classBalanced(train.labels(), seed))
        .optListener(listener == null ? l -> { } : listener).optTimeLimit(timeLimit).build();
    TrainingLoop.Result out = loop.fit(r.input().source(train), r.input().source(validation), r.classes());
    TrainingLoop.Result nr = new TrainingLoop.Result(out.parameters(), r.input(), r.example(), r.classes(), r.network(),
        out.bestEpoch(), out.bestMetric(), out.history(), out.warnings());
    Map<String, Object> p = new LinkedHashMap<>(m.provenance().parameters());
    p.put("decouple", "crt");
    p.put("best_epoch", out.bestEpoch() + 1);
    p.put("epochs_trained", out.history().size());
    NeuralModel crt = new NeuralModel(m.schema(), nr, new Provenance(m.provenance().trainer() + " + cRT", p, seed,
        train.rows() + " rows"));
    int k = r.classes();
    int[] y = validation.labels();
    return new Result(crt, "crt", Double.NaN, LabelMetrics.balancedAccuracy(y, argmax(m.scores(validation), null,
        null, 0), k, false), LabelMetrics.balancedAccuracy(y, argmax(crt.scores(validation), null, null, 0), k, false));
  }

  /** LWS of {@code m}'s head on {@code train}'s logits; {@code validation} reports the change. */
  public static Result learnableWeightScaling(NeuralModel m, Dataset train, Dataset validation) {
    TrainingLoop.Result r = m.result();
    int k = r.classes();
    Head head;
    synchronized (TrainingLoop.COLLECTOR) {
      head = Head.of(r);
    }
    double[] scale = scales(m.scores(train), train.labels(), k);
    float[] w = head.weight().clone();
    float[] b = head.bias().clone();
    for (int c = 0; c < k; c++) {
      b[c] *= (float) scale[c];
      for (int j = 0; j < head.features(); j++) {
        w[c * head.features() + j] *= (float) scale[c];
      }
    }
    byte[] params;
    synchronized (TrainingLoop.COLLECTOR) {
      params = head.replaced(r, w, b);
    }
    TrainingLoop.Result nr = new TrainingLoop.Result(params, r.input(), r.example(), k, r.network(), r.bestEpoch(),
        r.bestMetric(), r.history(), r.warnings());
    Map<String, Object> p = new LinkedHashMap<>(m.provenance().parameters());
    p.put("decouple", "lws");
    p.put("scales", java.util.Arrays.stream(scale).boxed().toList());
    NeuralModel lws = new NeuralModel(m.schema(), nr, new Provenance(m.provenance().trainer() + " + LWS", p,
        m.provenance().seed(), train.rows() + " rows"));
    int[] y = validation.labels();
    return new Result(lws, "lws", Double.NaN, LabelMetrics.balancedAccuracy(y, argmax(m.scores(validation), null, null,
        0), k, false), LabelMetrics.balancedAccuracy(y, argmax(lws.scores(validation), null, null, 0), k, false));
  }

  /** The scales {@code s} minimising LWS's objective on logits {@code z} of rows with labels {@code y}. */
  static double[] scales(double[][] z, int[] y, int k) {
    long[] count = new long[k];
    for (int label : y) {
      count[label]++;
    }
    int present = (int) java.util.Arrays.stream(count).filter(n -> n > 0).count();
    double[] w = new double[y.length];
    for (int i = 0; i < y.length; i++) {
      w[i] = 1.0 / (present * count[y[i]]);
    }
    double lambda = 1e-4;
    int n = z.length;
    double[][] p = new double[n][k];
    SmoothObjective f = new SmoothObjective() {
      private double[] at;

      @Override
      public int dimension() {
        return k;
      }

      @Override
      public double value(double[] s) {
        at = s.clone();
        double v = 0;
        for (int i = 0; i < n; i++) {
          double max = Double.NEGATIVE_INFINITY;
          for (int c = 0; c < k; c++) {
            max = Math.max(max, s[c] * z[i][c]);
          }
          double sum = 0;
          for (int c = 0; c < k; c++) {
            sum += Math.exp(s[c] * z[i][c] - max);
          }
          v += w[i] * (max + Math.log(sum) - s[y[i]] * z[i][y[i]]);
        }
        for (int c = 0; c < k; c++) {
          v += lambda / 2 * (s[c] - 1) * (s[c] - 1);
        }
        return v;
      }

      @Override
      public void gradient(double[] out) {
        java.util.Arrays.fill(out, 0);
        for (int i = 0; i < n; i++) {
          double max = Double.NEGATIVE_INFINITY;
          for (int c = 0; c < k; c++) {
            max = Math.max(max, at[c] * z[i][c]);
          }
          double sum = 0;
          for (int c = 0; c < k; c++) {
            p[i][c] = Math.exp(at[c] * z[i][c] - max);
            sum += p[i][c];
          }
          for (int c = 0; c < k; c++) {
            p[i][c] /= sum;
            out[c] += w[i] * (p[i][c] - (c == y[i] ? 1 : 0)) * z[i][c];
          }
        }
        for (int c = 0; c < k; c++) {
          out[c] += lambda * (at[c] - 1);
        }
      }

      @Override
      public void hessianTimes(double[] v, double[] out) {
        java.util.Arrays.fill(out, 0);
        double[] a = new double[k];
        for (int i = 0; i < n; i++) {
          double pa = 0;
          for (int c = 0; c < k; c++) {
            a[c] = z[i][c] * v[c];
            pa += p[i][c] * a[c];
          }
          for (int c = 0; c < k; c++) {
            out[c] += w[i] * z[i][c] * p[i][c] * (a[c] - pa);
          }
        }
        for (int c = 0; c < k; c++) {
          out[c] += lambda * v[c];
        }
      }
    };
    double[] ones = new double[k];
    java.util.Arrays.fill(ones, 1);
    return TrustRegionNewton.builder().optTolerance(1e-8).optMaxIterations(500).build().minimize(f, ones).x();
  }

  /** {@code argmax_c (z_c - b_c) / n_c^tau}, or of z itself when {@code norm} is null. */
  static int[] argmax(double[][] z, float[] bias, double[] norm, double tau) {
    int[] out = new int[z.length];
    for (int i = 0; i < z.length; i++) {
      int best = 0;
      double top = Double.NEGATIVE_INFINITY;
      for (int c = 0; c < z[i].length; c++) {
        double v = norm == null ? z[i][c] : (z[i][c] - bias[c]) / Math.pow(norm[c], tau);
        if (v > top) {
          top = v;
          best = c;
        }
      }
      out[i] = best;
    }
    return out;
  }

  /** The last linear layer of a network with one output per class: its parameters' names and values. */
  record Head(String weightName, String biasName, float[] weight, float[] bias, int classes, int features) {
    static Head of(TrainingLoop.Result r) {
      PyTorchEngine.noGrad();
      try (NDManager manager = PyTorchEngine.get().newBaseManager()) {
        return of(r, load(r, manager));
      }
    }

    /** The head of {@code r}'s network, loaded as {@code block}. */
    static Head of(TrainingLoop.Result r, Block block) {
      if (r.network().bilateral()) {
        throw new DataException("the network is BBN, whose two branches each have a classifier head; decoupling "
            + "re-balances a network with one linear head");
      }
      if (r.network().cosineHead()) {
        throw new DataException("the network ends in a cosine classifier (trained with ldam-drw); re-balancing or "
            + "replacing a head needs a linear one (train the backbone with another loss)");
      }
      List<Pair<String, Parameter>> ps = new java.util.ArrayList<>();
      block.getParameters().forEach(ps::add);
      for (int i = ps.size() - 1; i >= 0; i--) {
        String name = ps.get(i).getKey();
        NDArray w = ps.get(i).getValue().getArray();
        if (name.endsWith("Linear_weight") && w.getShape().dimension() == 2 && w.getShape().get(0) == r.classes()) {
          String prefix = name.substring(0, name.length() - "weight".length());
          String biasName = prefix + "bias";
          float[] bias = new float[r.classes()];
          for (Pair<String, Parameter> q : ps) {
            if (q.getKey().equals(biasName)) {
              bias = q.getValue().getArray().toFloatArray();
            }
          }
          return new Head(name, biasName, w.toFloatArray(), bias, r.classes(), (int) w.getShape().get(1));
        }
        if (!name.contains("running") && !name.endsWith("_bias")) {
          break; // the network does not end in such a layer
        }
      }
      throw new DataException("the network has no linear classifier head with one output per class; decoupling "
          + "needs one");
    }

    double[] norms() {
      double[] n = new double[classes];
      for (int c = 0; c < classes; c++) {
        double s = 0;
        for (int j = 0; j < features; j++) {
          double v = weight[c * features + j];
          s += v * v;
        }
        n[c] = Math.sqrt(s);
      }
      return n;
    }

    /** The network's parameters with this head's weights divided by their norms to the tau and no bias. */
    byte[] normalized(TrainingLoop.Result r, double tau) {
      double[] n = norms();
      float[] w = new float[weight.length];
      for (int c = 0; c < classes; c++) {
        double scale = Math.pow(n[c], tau);
        for (int j = 0; j < features; j++) {
          w[c * features + j] = (float) (weight[c * features + j] / scale);
        }
      }
      return replaced(r, w, new float[classes]);
    }

    /** The network's parameters with this head's weights and bias replaced. */
    byte[] replaced(TrainingLoop.Result r, float[] w, float[] b) {
      PyTorchEngine.noGrad();
      try (NDManager manager = PyTorchEngine.get().newBaseManager()) {
        Block block = load(r, manager);
        for (Pair<String, Parameter> p : block.getParameters()) {
          NDArray a = p.getValue().getArray();
          // in-place arithmetic rather than NDArray.set, whose native path prints a libtorch deprecation warning
          if (p.getKey().equals(weightName)) {
            a.muli(0).addi(manager.create(w, a.getShape()));
          } else if (p.getKey().equals(biasName)) {
            a.muli(0).addi(manager.create(b, a.getShape()));
          }
        }
        return TrainingLoop.parameters(block);
      }
    }

    static Block load(TrainingLoop.Result r, NDManager manager) {
      Block block = r.network().build((int) r.example().get(0), r.classes());
      block.initialize(manager, DataType.FLOAT32, new Shape(1).addAll(r.example()));
      try {
        block.loadParameters(manager, new DataInputStream(new ByteArrayInputStream(r.parameters())));
      } catch (IOException | MalformedModelException e) {
        throw new DataException("the network's parameters cannot be loaded (" + e.getMessage() + ")", e);
      }
      return block;
    }
  }
}
