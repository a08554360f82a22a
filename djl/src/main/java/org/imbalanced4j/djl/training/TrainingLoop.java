package org.imbalanced4j.djl.training;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.nn.Block;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.training.loss.Loss;
import ai.djl.util.Pair;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.imbalanced4j.DataException;
import org.imbalanced4j.data.Dataset;
import org.imbalanced4j.djl.engine.PyTorchEngine;
import org.imbalanced4j.djl.nn.NetworkSpec;
import org.imbalanced4j.djl.samplers.EpochSampler;
import org.imbalanced4j.io.AtomicFiles;
import org.imbalanced4j.model.Calibration;
import org.imbalanced4j.model.Standardizer;
import org.imbalanced4j.random.Seeds;

/**
 * The one training loop of every network: trains with an imbalance-aware loss and epoch sampler
 * until the validation rows say stop, and keeps the epoch with the best validation metric. Its
 * parts plug in: the network from a {@link NetworkSpec} (what a saved network stores), the rows
 * from a {@link BatchSource} (row indices to tensors, with a training-time transform for
 * augmentation), the loss over the network's logits, optional initial parameters ({@link
 * Builder#optInitialParameters}) and a freeze rule ({@link Builder#optFreeze}). A table is one
 * adapter ({@link #fit(Dataset, Dataset)}: rows standardised on the training rows only).
 *
 * <p>Stopping: an epoch improves when its validation metric is higher than the best so far, or
 * equal with a lower validation log loss (small validation sets often tie on a metric while the
 * model still gets better). After {@code ceil(patience / 2)} epochs without improvement the
 * learning rate drops tenfold (reduce-on-plateau); after {@code patience} epochs training stops,
 * or, with a deferred loss ({@link Builder#optDeferredLoss}), continues with that loss and fresh
 * patience (deferred re-weighting, Cao et al., NeurIPS 2019, with the switch where the first
 * loss stops improving rather than at a fixed epoch). {@code epochs} and an optional time limit
 * are caps: a run that reaches one while the validation metric still improved says so in {@link
 * Result#warnings()}.
 *
 * <p>Reproducible: each epoch's engine seed, row order and augmentation draws come from {@link
 * Seeds#mix}{@code (seed, epoch)} (so runs with neighbouring seeds share no epoch) and samplers are
 * deterministic per epoch, so a run resumed from its checkpoint (parameters, optimiser moments,
 * epoch, best so far, patience, rate and phase) ends with the same parameters as an
 * uninterrupted one. Only the time limit depends on the machine: when it ends a run, the warning
 * says so.
 *
 * <pre>{@code
 * TrainingLoop.Result r = TrainingLoop.builder().setLoss(new FocalLoss(2, null))
 *     .optEpochs(30).optSeed(1).build().fit(train, validation);
 * }</pre>
 */
public final class TrainingLoop {
  private final Loss loss;
  private final Loss deferredLoss;
  private final int deferAt;
  private final double timeLimitSeconds;
  private final EpochSampler sampler;
  private final NetworkSpec network;
  private final int epochs;
  private final int batchSize;
  private final LearningRate learningRate;
  private final java.util.function.Supplier<Adam> optimizer;
  private final ValidationMetric metric;
  private final int patience;
  private final int seed;
  private final Path checkpoints;
  private final Consumer<EpochLog> listener;
  private final java.util.function.DoubleConsumer progress;
  private final byte[] initialParameters;
  private final java.util.function.Predicate<String> frozen;
  private final java.util.function.ToDoubleFunction<String> rates;
  private final org.imbalanced4j.images.augment.Augmentation augmentation;
  private final Mixing mixing;

  private TrainingLoop(Builder b) {
    this.mixing = b.mixing;
    this.augmentation = b.augmentation;
    this.initialParameters = b.initialParameters;
    this.frozen = b.frozen;
    this.rates = b.rates;
    this.loss = b.loss;
    this.deferredLoss = b.deferredLoss;
    this.deferAt = b.deferAt;
    this.timeLimitSeconds = b.timeLimitSeconds;
    this.sampler = b.sampler;
    this.network = b.network;
    this.epochs = b.epochs;
    this.batchSize = b.batchSize;
    this.learningRate = b.learningRate;
    boolean sgd = b.sgd;
    double wd = b.weightDecay;
    this.optimizer = () -> sgd ? Adam.sgd(0.9, wd) : Adam.adam(wd); // a fresh state for every fit
    this.metric = b.metric;
    this.patience = b.patience;
    this.seed = b.seed;
    this.checkpoints = b.checkpoints;
    this.listener = b.listener;
    this.progress = b.progress;
  }

  /** A builder with the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * What training produced: the best epoch's parameters (as bytes), preprocessing, history, and
   * warnings (a cap reached while the validation metric still improved).
   */
  public record Result(byte[] parameters, InputTransform input, Shape example, int classes,
      NetworkSpec network, int bestEpoch, double bestMetric, List<EpochLog> history, List<String> warnings) {
    /** Copies the history. */
    public Result {
      warnings = List.copyOf(warnings);
    }
  }

  /** Class probabilities of rows with the training schema, from a result's best parameters. */
  public static double[][] predictProba(Result r, Dataset data) {
    return Calibration.softmax(logits(r, data), 1.0);
  }

  /**
   * Logits of rows with the training schema, from a result's best parameters. A batch of up to
   * {@link #SMALL_BATCH} rows (a service scoring a row at a time) reuses the network built for
   * the last few results scored so ({@link #SCORERS}); a larger one builds it and frees it after.
   */
  public static double[][] logits(Result r, Dataset data) {
    synchronized (COLLECTOR) {
      PyTorchEngine.noGrad();
      BatchSource source = r.input().source(data);
      if (source.size() <= SMALL_BATCH) {
        Scorer s = SCORERS.computeIfAbsent(r.parameters(), k -> Scorer.of(r));
        return logits(s.block(), s.store(), s.manager(), source);
      }
      try (Scorer s = Scorer.of(r)) {
        return logits(s.block(), s.store(), s.manager(), source);
      }
    }
  }

  /** The most rows a batch may have to be scored by a kept network. */
  static final int SMALL_BATCH = 64;

  /**
   * Networks kept for scoring small batches, by their parameters' array (identity), the least
   * recently used closed beyond four: native memory stays bounded however many models a process
   * scores. Guarded by {@link #COLLECTOR}.
   */
  private static final Map<byte[], Scorer> SCORERS = new java.util.LinkedHashMap<>(8, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<byte[], Scorer> eldest) {
      if (size() > 4) {
        eldest.getValue().close();
        return true;
      }
      return false;
    }
  };

  /** A network built with a result's parameters in a manager of its own, closed with it. */
  private record Scorer(NDManager manager, Block block, ParameterStore store) implements AutoCloseable {
    static Scorer of(Result r) {
      NDManager manager = PyTorchEngine.get().newBaseManager();
      try {
        Block block = r.network().build((int) r.example().get(0), r.classes());
        block.initialize(manager, DataType.FLOAT32, new Shape(1).addAll(r.example()));
        block.loadParameters(manager, new DataInputStream(new java.io.ByteArrayInputStream(r.parameters())));
        return new Scorer(manager, block, new ParameterStore(manager, false));
      } catch (IOException | ai.djl.MalformedModelException e) {
        manager.close();
        throw new DataException("the network's parameters cannot be loaded (" + e.getMessage() + ")", e);
      } catch (RuntimeException e) {
        manager.close();
        throw e;
      }
    }

    @Override
    public void close() {
      manager.close();
    }
  }

  /**
   * DJL lets one gradient collector record at a time in a process, and its native resources are
   * not safe to share across threads mid-fit: fits and predictions take turns.
   */
  static final Object COLLECTOR = new Object();

  /**
   * The tabular adapter: rows standardised on the training rows only ({@link TabularBatches}),
   * then {@link #fit(BatchSource, BatchSource, int)}.
   */
  public Result fit(Dataset train, Dataset validation) {
    return fit(InputTransform.fit(train), train, validation);
  }

  /**
   * As {@link #fit(Dataset, Dataset)} with preprocessing fitted before: a network trained on from
   * given parameters keeps the input its first training gave it.
   */
  public Result fit(InputTransform in, Dataset train, Dataset validation) {
    Result r = fit(in.trainingSource(train, augmentation), in.source(validation), train.classCount());
    return new Result(r.parameters(), in, r.example(), r.classes(), r.network(), r.bestEpoch(), r.bestMetric(),
        r.history(), r.warnings());
  }

  /**
   * Trains the network on batches of {@code train} until {@code validation} says stop, for {@code
   * classes} logits. With no validation rows it trains every epoch and keeps the last (a deferred
   * loss then takes over at 2/3 of the epochs at the latest). The result has no standardizer:
   * preprocessing belongs to the source.
   */
  public Result fit(BatchSource train, BatchSource validation, int classes) {
    synchronized (COLLECTOR) {
      return fitAlone(train, validation, classes);
    }
  }

  private Result fitAlone(BatchSource train, BatchSource validation, int k) {
    ValidationMetric metric = this.metric.resolve(validation.labels(), k);
    Engine engine = PyTorchEngine.get();
    PyTorchEngine.noGrad();
    Shape input = train.inputShape(batchSize);
    int width = (int) input.size(1);
    try (NDManager manager = engine.newBaseManager()) {
      engine.setRandomSeed(seed);
      Block block = network.build(width, k);
      block.initialize(manager, DataType.FLOAT32, input);
      if (initialParameters != null) {
        try {
          block.loadParameters(manager, new DataInputStream(new java.io.ByteArrayInputStream(initialParameters)));
        } catch (ai.djl.MalformedModelException bad) {
          throw new DataException("the initial parameters do not fit the network: " + bad.getMessage(), bad);
        }
      }
      for (Pair<String, Parameter> p : block.getParameters()) {
        if (frozen.test(p.getKey())) {
          p.getValue().freeze(true);
        }
      }
      ParameterStore ps = new ParameterStore(manager, false);
      State st = new State();
      Adam adam = optimizer.get();
      if (checkpoints != null) {
        st = resume(block, manager, adam, st, metric);
      }
      Run run = new Run(engine, block, ps, manager, adam, train); // after a resume: it reloads the arrays
      long started = System.nanoTime();
      boolean outOfTime = false;
      int e = st.epoch;
      boolean validating = validation.size() > 0;
      int skippedBatches = 0;
      int deferAtEpoch = deferAt >= 0 || validating ? deferAt : fixedDeferral(epochs); // no plateau to wait for
      for (; e < epochs && !stopped(st) && !outOfTime; e++) {
        long t0 = System.nanoTime();
        if (st.phase == 0 && deferredLoss != null && deferAtEpoch >= 0 && e >= deferAtEpoch) {
          st.phase = 1; // the epoch of the deferral has come
          st.stale = 0;
          st.rateScale = 1;
        }
        int[] order = order(train, e);
        double rate = st.rateScale;
        int epoch = e;
        double[] trained = run.epoch(order, network.bilateral() ? reversed(train, e) : null,
            1 - Math.pow(progress(e, started), 2), st.phase == 0 ? loss : deferredLoss,
            f -> learningRate.at(epoch, f) * rate, Seeds.mix(seed, e));
        skippedBatches += (int) trained[2];
        double value = Double.NaN;
        double validationLoss = Double.NaN;
        if (validating) {
          double[][] proba = Calibration.softmax(logits(block, ps, manager, validation), 1.0);
          value = metric.of(validation.labels(), proba, k);
          validationLoss = logLoss(validation.labels(), proba);
        }
        EpochLog log = new EpochLog(e, trained[0], value, trained[1], (System.nanoTime() - t0) / 1e9, st.phase,
            metric.key());
        st.history.add(log);
        if (!validating || st.best == null || metric.better(value, st.bestMetric)
            || (value == st.bestMetric && validationLoss < st.bestLoss)) {
          st.best = parameters(block);
          st.bestMetric = value;
          st.bestLoss = validationLoss;
          st.bestEpoch = e;
          st.stale = 0;
        } else {
          st.stale++;
          if (st.stale == (patience + 1) / 2) {
            st.rateScale *= 0.1; // reduce on plateau
          }
          if (st.stale >= patience && st.phase == 0 && deferredLoss != null) {
            st.phase = 1; // the first loss has stopped improving: defer to the second
            st.stale = 0;
            st.rateScale = 1;
          }
        }
        st.epoch = e + 1;
        if (checkpoints != null) {
          save(block, manager, adam, st);
        }
        if (listener != null) {
          listener.accept(log); // after the checkpoint: a logged epoch is never trained again
        }
        // a cap, not a target: stop when another epoch as long as this one would pass it
        double now = (System.nanoTime() - started) / 1e9;
        outOfTime = timeLimitSeconds > 0 && now + (System.nanoTime() - t0) / 1e9 > timeLimitSeconds;
      }
      List<String> warnings = new ArrayList<>();
      if (skippedBatches > 0) {
        warnings.add(skippedBatches + " batch(es) gave a non-finite loss or gradient and were skipped without an update");
      }
      if (validating && !stopped(st) && e > 0 && st.bestEpoch >= e - Math.max(1, Math.min(patience, e) / 10)) {
        warnings.add(String.format(java.util.Locale.ROOT,
            "network stopped at the %s (epoch %d) while the validation %s was still improving (best epoch %d); "
                + "raise %s", outOfTime ? String.format(java.util.Locale.ROOT, "time limit of %.0f s", timeLimitSeconds)
                : "epoch cap", e, metric.key(), st.bestEpoch + 1, outOfTime ? "the time limit" : "epochs"));
      }
      return new Result(st.best, null, input.slice(1), k, network, st.bestEpoch,
          st.bestMetric, List.copyOf(st.history), warnings);
    } catch (IOException ex) {
      throw new DataException("checkpoint in " + checkpoints + " cannot be used: " + ex.getMessage(), ex);
    }
  }

  /**
   * How far training is at the start of epoch {@code e}, in [0, 1]: the share of the epochs, or of
   * the time limit when that is further on, so BBN's cumulative learning ({@code alpha = 1 -
   * progress^2}) reaches the re-balancing branch before a time limit stops it.
   */
  private double progress(int e, long started) {
    double byEpochs = (double) e / epochs;
    return timeLimitSeconds > 0 ? Math.min(1, Math.max(byEpochs, (System.nanoTime() - started) / 1e9
        / timeLimitSeconds)) : byEpochs;
  }

  /** The rows of epoch {@code e}, in training order; seeds the engine for the epoch. */
  private int[] order(BatchSource train, int e) {
    long s = Seeds.mix(seed, e);
    PyTorchEngine.get().setRandomSeed((int) (s ^ (s >>> 32)));
    return sampler != null ? sampler.epoch(e)
        : org.imbalanced4j.numeric.Indices.permutation(train.size(), new java.util.SplittableRandom(s));
  }

  /** One network being trained on one table: its block, parameters and inputs. */
  private final class Run {
    final Engine engine;
    final Block block;
    final ParameterStore ps;
    final NDManager manager;
    final Adam adam;
    final BatchSource train;
    final int[] y;
    final List<NDArray> params = new ArrayList<>();
    /** Each parameter's factor of the learning rate. */
    final float[] scales;

    Run(Engine engine, Block block, ParameterStore ps, NDManager manager, Adam adam, BatchSource train) {
      this.engine = engine;
      this.block = block;
      this.ps = ps;
      this.manager = manager;
      this.adam = adam;
      this.train = train;
      this.y = train.labels();
      List<Float> scale = new ArrayList<>();
      for (Pair<String, Parameter> p : block.getParameters()) {
        if (p.getValue().requiresGradient()) {
          p.getValue().getArray().setRequiresGradient(true);
          params.add(p.getValue().getArray());
          scale.add((float) rates.applyAsDouble(p.getKey()));
        } else if (p.getValue().getArray().hasGradient()) {
          p.getValue().getArray().setRequiresGradient(false); // a TorchScript module's frozen tensors: no backward through them
        }
      }
      this.scales = new float[scale.size()];
      for (int i = 0; i < scales.length; i++) {
        scales[i] = scale.get(i);
      }
    }

    /**
     * One pass over {@code order} in batches; {@code rate} gives the learning rate at a fraction
     * of the epoch. A batch whose loss is not finite trains nothing. Returns the mean loss of the
     * other batches, the last rate and the number of batches skipped.
     */
    double[] epoch(int[] order, int[] second, double alpha, Loss epochLoss, java.util.function.DoubleUnaryOperator rate,
        long epochSeed) {
      double lossSum = 0;
      int batches = 0;
      int skipped = 0;
      float lr = 0;
      for (int b = 0; b + 1 < order.length; b += batchSize) {
        int[] rows = java.util.Arrays.copyOfRange(order, b, Math.min(order.length, b + batchSize));
        if (rows.length < 2) {
          break; // batch normalisation needs two rows
        }
        float value;
        try (NDManager sub = manager.newSubManager()) {
          long batchSeed = Seeds.mix(epochSeed, b);
          NDList x = train.inputs(sub, rows, true, batchSeed);
          int[] yi = org.imbalanced4j.numeric.Indices.gather(y, rows);
          NDArray labels = sub.create(java.util.Arrays.stream(yi).asLongStream().toArray());
          int[] rows2 = second == null ? null
              : java.util.Arrays.copyOfRange(second, b, Math.min(second.length, b + rows.length));
          Mixing.Mixed mixed = null;
          if (mixing != null) {
            mixed = mixing.mix(sub, x, yi, new java.util.SplittableRandom(Seeds.mix(batchSeed, -1)));
            x = mixed.inputs();
          }
          try (GradientCollector gc = engine.newGradientCollector()) {
            NDArray l;
            if (rows2 != null) {
              l = bilateralLoss(epochLoss, x, rows2, labels, alpha, sub, Seeds.mix(batchSeed, -2));
            } else {
              NDArray logits = block.forward(ps, x, true).singletonOrThrow();
              l = mixed == null ? epochLoss.evaluate(new NDList(labels), new NDList(logits))
                  : mixedLoss(epochLoss, logits, mixed, sub);
            }
            value = l.getFloat();
            if (Float.isFinite(value)) {
              gc.backward(l);
            }
          }
          PyTorchEngine.noGrad(); // the collector restores the thread's previous mode
          float at = (float) rate.applyAsDouble((double) b / order.length);
          if (Float.isFinite(value) && adam.step(params, scales, at)) { // the step zeroes the gradients
            lr = at;
            lossSum += value;
            batches++;
          } else {
            skipped++; // no step: the parameters stay finite (as AMP's GradScaler skips)
          }
        }
        if (progress != null) {
          progress.accept(Math.min(1.0, (double) (b + rows.length) / order.length));
        }
      }
      if (batches == 0 && skipped > 0) {
        throw new DataException("training diverged: every batch gave a non-finite loss or gradient; lower --lr");
      }
      return new double[] {lossSum / Math.max(1, batches), lr, skipped};
    }

    /**
     * BBN's cumulative learning: the batch and a second one drawn by the reversed sampler go
     * through their branches; with {@code z = alpha z_c + (1 - alpha) z_r}, the loss is {@code
     * alpha L(z, y) + (1 - alpha) L(z, y_2)}.
     */
    private NDArray bilateralLoss(Loss loss, NDList x, int[] rows2, NDArray labels, double alpha, NDManager sub,
        long seed) {
      NDList x2 = train.inputs(sub, rows2, true, seed);
      long[] y2 = java.util.Arrays.stream(org.imbalanced4j.numeric.Indices.gather(y, rows2)).asLongStream().toArray();
      NDList z = block.forward(ps, new NDList(x.singletonOrThrow(), x2.singletonOrThrow()), true);
      float a = (float) alpha;
      NDArray mixed = z.get(0).mul(a).add(z.get(1).mul(1 - a));
      return loss.evaluate(new NDList(labels), new NDList(mixed)).mul(a)
          .add(loss.evaluate(new NDList(sub.create(y2)), new NDList(mixed)).mul(1 - a));
    }
  }

  /**
   * The loss of a mixed batch, {@code (1/n) sum_i [w_i L_i(y_a) + (1 - w_i) L_i(y_b)]}: rows that
   * share a weight are taken together, each group's loss being the loss's own mean over it.
   */
  private static NDArray mixedLoss(Loss loss, NDArray logits, Mixing.Mixed m, NDManager sub) {
    int n = m.labelsA().length;
    java.util.Map<Double, java.util.List<Integer>> groups = new java.util.TreeMap<>();
    for (int i = 0; i < n; i++) {
      groups.computeIfAbsent(m.weightA()[i], k -> new java.util.ArrayList<>()).add(i);
    }
    NDArray total = null;
    for (java.util.Map.Entry<Double, java.util.List<Integer>> g : groups.entrySet()) {
      int[] idx = g.getValue().stream().mapToInt(Integer::intValue).toArray();
      NDArray part = idx.length == n ? logits : logits.get(sub.create(idx));
      long[] ya = new long[idx.length];
      long[] yb = new long[idx.length];
      for (int j = 0; j < idx.length; j++) {
        ya[j] = m.labelsA()[idx[j]];
        yb[j] = m.labelsB()[idx[j]];
      }
      double w = g.getKey();
      NDArray l = null;
      if (w > 0) {
        l = loss.evaluate(new NDList(sub.create(ya)), new NDList(part)).mul((float) w);
      }
      if (w < 1) {
        NDArray lb = loss.evaluate(new NDList(sub.create(yb)), new NDList(part)).mul((float) (1 - w));
        l = l == null ? lb : l.add(lb);
      }
      l = l.mul((float) idx.length / n);
      total = total == null ? l : total.add(l);
    }
    return total;
  }

  /**
   * BBN's reversed sampler for epoch {@code e}: a class is drawn with probability proportional to
   * {@code 1 / n_c}, a row uniformly within it, as many rows as an epoch has.
   */
  private int[] reversed(BatchSource train, int e) {
    return org.imbalanced4j.djl.samplers.ClassSamplers.reversed(train.labels(), seed + 7919L).epoch(e);
  }

  /** Whether early stopping has ended training: patience used up on the last loss. */
  private boolean stopped(State st) {
    return st.stale >= patience && (deferredLoss == null || st.phase == 1);
  }

  /** Mean negative log-likelihood of the true classes (probabilities clipped at 1e-15, as scikit-learn). */
  static double logLoss(int[] y, double[][] proba) {
    double s = 0;
    for (int i = 0; i < y.length; i++) {
      s -= Math.log(Math.max(1e-15, proba[i][y[i]]));
    }
    return s / Math.max(1, y.length);
  }

  /**
   * Logits of every row of {@code source}, in blocks of 4096 table rows or 256 images: DJL keeps
   * every intermediate array of a block until the block is done, and a ResNet's activations for
   * 4096 images would take gigabytes.
   */
  static double[][] logits(Block block, ParameterStore ps, NDManager manager, BatchSource source) {
    double[][] out = new double[source.size()][];
    int step = source.inputShape(1).dimension() > 2 ? 256 : 4096;
    for (int b = 0; b < source.size(); b += step) {
      int[] rows = new int[Math.min(step, source.size() - b)];
      for (int i = 0; i < rows.length; i++) {
        rows[i] = b + i;
      }
      try (NDManager sub = manager.newSubManager()) {
        float[] p = block.forward(ps, source.inputs(sub, rows, false, 0), false).singletonOrThrow().toFloatArray();
        int k = p.length / rows.length;
        for (int i = 0; i < rows.length; i++) {
          double[] r = new double[k];
          for (int c = 0; c < k; c++) {
            r[c] = p[i * k + c];
          }
          out[b + i] = r;
        }
      }
    }
    return out;
  }

  /** A block's parameters in DJL's format, as a result and a checkpoint hold them. */
  static byte[] parameters(Block block) {
    java.io.ByteArrayOutputStream bos = new java.io.ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bos)) {
      block.saveParameters(out);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return bos.toByteArray();
  }

  /** Training progress carried across a resume. */
  private static final class State {
    int epoch;
    byte[] best;
    double bestMetric;
    double bestLoss = Double.POSITIVE_INFINITY;
    int bestEpoch = -1;
    int stale;
    double rateScale = 1;
    int phase;
    List<EpochLog> history = new ArrayList<>();
  }

  private void save(Block block, NDManager manager, Adam adam, State st) throws IOException {
    Files.createDirectories(checkpoints);
    byte[] params = parameters(block);
    byte[] opt;
    try (NDManager tmp = manager.newSubManager()) {
      opt = adam.state(tmp).encode();
    }
    AtomicFiles.write(checkpoints.resolve("checkpoint.bin"), out -> {
      DataOutputStream o = new DataOutputStream(out);
      o.writeInt(2); // format
      o.writeInt(st.epoch);
      o.writeInt(st.bestEpoch);
      o.writeDouble(st.bestMetric);
      o.writeDouble(st.bestLoss);
      o.writeInt(st.stale);
      o.writeDouble(st.rateScale);
      o.writeInt(st.phase);
      o.writeInt(params.length);
      o.write(params);
      o.writeInt(opt.length);
      o.write(opt);
      o.writeInt(st.best == null ? 0 : st.best.length);
      if (st.best != null) {
        o.write(st.best);
      }
      o.writeInt(st.history.size());
      for (EpochLog l : st.history) {
        o.writeInt(l.epoch());
        o.writeDouble(l.loss());
        o.writeDouble(l.metric());
        o.writeDouble(l.learningRate());
        o.writeDouble(l.seconds());
        o.writeInt(l.phase());
      }
      o.flush();
    });
  }

  private State resume(Block block, NDManager manager, Adam adam, State fresh, ValidationMetric metric)
      throws IOException {
    Path f = checkpoints.resolve("checkpoint.bin");
    if (!Files.exists(f)) {
      return fresh;
    }
    State st = new State();
    try (InputStream in = Files.newInputStream(f); DataInputStream d = new DataInputStream(in)) {
      int format = d.readInt();
      if (format != 2) {
        throw new IOException(format == 1 ? "it was written by an earlier version; train again without --resume"
            : "unknown checkpoint format");
      }
      st.epoch = d.readInt();
      st.bestEpoch = d.readInt();
      st.bestMetric = d.readDouble();
      st.bestLoss = d.readDouble();
      st.stale = d.readInt();
      st.rateScale = d.readDouble();
      st.phase = d.readInt();
      byte[] params = d.readNBytes(d.readInt());
      block.loadParameters(manager, new DataInputStream(new java.io.ByteArrayInputStream(params)));
      adam.restore(NDList.decode(manager, d.readNBytes(d.readInt())), manager);
      int bl = d.readInt();
      st.best = bl == 0 ? null : d.readNBytes(bl);
      int h = d.readInt();
      for (int i = 0; i < h; i++) {
        st.history.add(new EpochLog(d.readInt(), d.readDouble(), d.readDouble(), d.readDouble(), d.readDouble(),
            d.readInt(), metric.key()));
      }
    } catch (ai.djl.MalformedModelException e) {
      throw new IOException(e.getMessage(), e);
    }
    return st;
  }

  /**
   * The epoch at which a deferred loss takes over in a run of a fixed number of epochs: 2/3 of
   * them (Cao et al. defer at epoch 160 of 200, where their rate drops).
   */
  public static int fixedDeferral(int epochs) {
    return 2 * epochs / 3;
  }

  /** Builder: {@code setLoss} required; the rest optional with sensible defaults. */
  public static final class Builder {
    private Loss loss;
    private Loss deferredLoss;
    private int deferAt = -1;
    private double timeLimitSeconds;
    private EpochSampler sampler;
    private NetworkSpec network = new NetworkSpec("mlp", new int[] {128, 64}, 0.1f);
    private int epochs = 30;
    private int batchSize = 128;
    private LearningRate learningRate = LearningRate.constant(1e-3f);
    private boolean sgd;
    private double weightDecay;
    private ValidationMetric metric = ValidationMetric.MACRO_F1;
    private int patience = 10;
    private int seed;
    private Path checkpoints;
    private Consumer<EpochLog> listener;
    private java.util.function.DoubleConsumer progress;
    private byte[] initialParameters;
    private java.util.function.Predicate<String> frozen = name -> false;
    private java.util.function.ToDoubleFunction<String> rates = name -> 1;
    private org.imbalanced4j.images.augment.Augmentation augmentation;
    private Mixing mixing;

    /** Sets the loss (required). */
    public Builder setLoss(Loss loss) {
      this.loss = loss;
      return this;
    }

    /** The loss set so far (for the recipes' tests). */
    Loss loss() {
      return loss;
    }

    /**
     * A second loss that takes over when the first stops improving the validation metric
     * ({@code patience} epochs), with fresh patience and the learning rate restored: LDAM's
     * deferred re-weighting (DRW) trains plain LDAM first and class-balanced LDAM after (Cao et
     * al., "Learning imbalanced datasets with label-distribution-aware margin loss", NeurIPS 2019).
     */
    public Builder optDeferredLoss(Loss loss) {
      this.deferredLoss = loss;
      return this;
    }

    /**
     * The epoch (0-based) at which the deferred loss takes over at the latest, whether or not the
     * first one still improves; -1 (the default) for only when it stops improving. With a schedule
     * that ends at the last epoch, Cao et al. defer at a fixed epoch (160 of 200).
     */
    public Builder optDeferAt(int epoch) {
      this.deferAt = epoch;
      return this;
    }

    /**
     * Stop after this many seconds of training (0: no limit), keeping the best epoch so far; a run
     * that the limit ends while still improving says so in its warnings.
     */
    public Builder optTimeLimit(double seconds) {
      this.timeLimitSeconds = seconds;
      return this;
    }

    /** Sets the rows each epoch draws (default: every row once, shuffled). */
    public Builder optSampler(EpochSampler sampler) {
      this.sampler = sampler;
      return this;
    }

    /** The network to train (default: an MLP with hidden widths 128, 64 and dropout 0.1). */
    public Builder optNetwork(NetworkSpec network) {
      this.network = network;
      return this;
    }

    /** The most epochs to train (a cap: early stopping usually ends training sooner). */
    public Builder optEpochs(int epochs) {
      this.epochs = epochs;
      return this;
    }

    /** Sets the rows per step. */
    public Builder optBatchSize(int batchSize) {
      this.batchSize = batchSize;
      return this;
    }

    /** Sets a constant learning rate. */
    public Builder optLearningRate(float lr) {
      this.learningRate = LearningRate.constant(lr);
      return this;
    }

    /** Sets the learning-rate schedule. */
    public Builder optLearningRate(LearningRate schedule) {
      this.learningRate = schedule;
      return this;
    }

    /** SGD with momentum 0.9 instead of Adam. */
    public Builder optSgd(boolean sgd) {
      this.sgd = sgd;
      return this;
    }

    /** Sets the L2 weight decay. */
    public Builder optWeightDecay(double wd) {
      this.weightDecay = wd;
      return this;
    }

    /** Sets the validation metric for early stopping. */
    public Builder optMetric(ValidationMetric metric) {
      this.metric = metric;
      return this;
    }

    /** Sets the epochs without improvement before stopping. */
    public Builder optPatience(int patience) {
      this.patience = patience;
      return this;
    }

    /** Sets the seed of the initial weights and the batches. */
    public Builder optSeed(int seed) {
      this.seed = seed;
      return this;
    }

    /** Save a checkpoint after every epoch in this folder, and resume from it if present. */
    public Builder optCheckpoints(Path dir) {
      this.checkpoints = dir;
      return this;
    }

    /** Called after every batch with the share of the epoch done, for progress bars. */
    public Builder optProgress(java.util.function.DoubleConsumer progress) {
      this.progress = progress;
      return this;
    }

    /**
     * Start from these parameters (DJL's format, as {@link Result#parameters()} holds them) rather
     * than a fresh initialisation: fine-tuning, or re-training a classifier on learnt features.
     */
    public Builder optInitialParameters(byte[] parameters) {
      this.initialParameters = parameters == null ? null : parameters.clone();
      return this;
    }

    /**
     * Parameters whose names ({@code 01Linear_weight}, ...) match are frozen: never updated, so a
     * backbone keeps what it learnt while a head trains.
     */
    public Builder optFreeze(java.util.function.Predicate<String> frozen) {
      this.frozen = frozen;
      return this;
    }

    /**
     * Each parameter's learning rate as a factor of the schedule's, by name (discriminative
     * learning rates: a pretrained backbone slower than its new head); 1 for all by default.
     */
    public Builder optRateFactors(java.util.function.ToDoubleFunction<String> rates) {
      this.rates = rates;
      return this;
    }

    /** Images: transform each training image at random ({@link org.imbalanced4j.images.augment.Augmentation}). */
    public Builder optAugmentation(org.imbalanced4j.images.augment.Augmentation augmentation) {
      this.augmentation = augmentation;
      return this;
    }

    /** Images: mix each training batch with a shuffled copy of itself ({@link Mixing}). */
    public Builder optMixing(Mixing mixing) {
      this.mixing = mixing;
      return this;
    }

    /** Sets what is told of each finished epoch. */
    public Builder optListener(Consumer<EpochLog> listener) {
      this.listener = listener;
      return this;
    }

    /** Builds the {@code TrainingLoop}. */
    public TrainingLoop build() {
      if (loss == null) {
        throw new IllegalStateException("a loss is required");
      }
      return new TrainingLoop(this);
    }
  }
}
