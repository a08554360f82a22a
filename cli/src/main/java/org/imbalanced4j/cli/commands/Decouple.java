package org.imbalanced4j.cli.commands;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.imbalanced4j.DataException;
import org.imbalanced4j.InvalidOptionException;
import org.imbalanced4j.data.Dataset;
import org.imbalanced4j.djl.training.Decoupling;
import org.imbalanced4j.djl.training.NeuralModel;
import org.imbalanced4j.model.ModelInputs;
import org.imbalanced4j.model.io.ModelDirectory;
import org.imbalanced4j.split.Split;
import org.imbalanced4j.split.StratifiedShuffleSplit;

/**
 * {@code imb train --pretrained DIR --decouple METHOD}: a trained network's classifier head
 * re-balanced on the given data ({@link Decoupling}), written as a new model directory. tau trains
 * nothing, so every given row chooses tau and the saved decision: they should be rows the network
 * did not train on, best class-balanced (Kang et al. choose tau on a balanced validation set). crt
 * and lws fit on the rows as {@code imb train} does (a stratified {@code --val-split} held out to stop
 * on, to report on and to fit the decision).
 */
final class Decouple {
  /** The methods of {@code --decouple}. */
  static final List<String> METHODS = List.of("tau", "crt", "lws");

  /** What {@code imb train} passes on. */
  record Options(String method, Path pretrained, String file, Path out, double valSplit, long seed, int epochs,
      int batchSize, float lr, PrintWriter err) {}

  private Decouple() {}

  static int run(Options o, Supplier<Dataset> read, PrintWriter pw) throws java.io.IOException {
    String how = o.method().strip().toLowerCase(Locale.ROOT);
    if (!METHODS.contains(how)) {
      throw InvalidOptionException.unknown("--decouple", o.method(), METHODS);
    }
    if (o.pretrained() == null) {
      throw new InvalidOptionException("--decouple re-balances a trained network's head: give its model directory "
          + "with --pretrained DIR");
    }
    if (!how.equals("tau") && o.valSplit() == 0) {
      throw new InvalidOptionException("--decouple " + how + " reports on validation rows and fits the decision there; "
          + "--val-split 0 leaves none");
    }
    NeuralModel network = Pretrained.network(o.pretrained());
    Dataset all = read.get();
    Dataset aligned = ModelInputs.align(network.schema(), all);
    if (!all.schema().classNames().equals(network.classes())) {
      throw new DataException(o.file() + ": its classes " + all.schema().classNames() + " are not the model's "
          + network.classes() + "; decoupling re-balances the same classes");
    }
    Dataset train = aligned;
    Dataset val = aligned; // tau trains nothing: every given row chooses it
    Map<String, Object> config = new LinkedHashMap<>();
    config.put("data", o.file());
    config.put("pretrained", o.pretrained().toString());
    config.put("decouple", how);
    Decoupling.Result r;
    if (!how.equals("tau")) {
      Split s = StratifiedShuffleSplit.trainTestSplit(aligned.labels(), o.valSplit(), o.seed());
      train = aligned.subset(s.train()).compact();
      val = aligned.subset(s.test());
      config.put("val_split", o.valSplit());
      config.put("seed", o.seed());
    }
    if (how.equals("crt")) {
      PrintWriter err = o.err();
      r = Decoupling.classifierRetrain(network, train, val, o.epochs(), o.batchSize(), o.lr(), o.seed(), l -> {
        err.printf(Locale.ROOT, "epoch %3d/%d  loss %.4f  balanced_log_loss %.4f  %.1fs%n", l.epoch() + 1, o.epochs(),
            l.loss(), l.metric(), l.seconds());
        err.flush();
      });
      config.put("epochs", o.epochs());
      config.put("batch_size", o.batchSize());
      config.put("lr", o.lr());
    } else if (how.equals("lws")) {
      r = Decoupling.learnableWeightScaling(network, train, val);
    } else {
      r = Decoupling.tauNormalize(network, val);
      config.put("tau", Double.isNaN(r.tau()) ? "none" : r.tau());
    }
    if (!how.equals("tau") && r.after() < r.before()) {
      // a head fitted to rows the features were fitted on can overfit them: do not write a worse model
      config.put("decouple_rejected", true);
      ModelDirectory.save(o.out(), network, org.imbalanced4j.api.Train.decision(network, val, train.classCounts().minority()),
          config, train);
      pw.printf(Locale.ROOT, "warning: %s lowered balanced accuracy on the %,d validation rows (%.4f -> %.4f): kept "
          + "the head as it was (decouple on rows the network did not train on); wrote %s%n", how, val.rows(),
          r.before(), r.after(), o.out());
      return 0;
    }
    ModelDirectory.save(o.out(), r.model(), org.imbalanced4j.api.Train.decision(r.model(), val, train.classCounts().minority()),
        config, train);
    if (how.equals("crt")) {
      pw.printf(Locale.ROOT, "re-trained the classifier head on class-balanced batches (%,d rows; best epoch %s): "
          + "balanced accuracy on %,d validation rows %.4f -> %.4f; wrote %s%n", train.rows(),
          r.model().provenance().parameters().get("best_epoch"), val.rows(), r.before(), r.after(), o.out());
    } else if (how.equals("lws")) {
      List<?> scales = (List<?>) r.model().provenance().parameters().get("scales");
      double lo = scales.stream().mapToDouble(v -> ((Number) v).doubleValue()).min().orElse(1);
      double hi = scales.stream().mapToDouble(v -> ((Number) v).doubleValue()).max().orElse(1);
      pw.printf(Locale.ROOT, "scaled each class's head by a learnt factor (%.3f to %.3f) on %,d rows: balanced accuracy "
          + "on %,d validation rows %.4f -> %.4f; wrote %s%n", lo, hi, train.rows(), val.rows(), r.before(), r.after(),
          o.out());
    } else if (Double.isNaN(r.tau())) {
      pw.printf(Locale.ROOT, "no tau in 0..2 raised balanced accuracy on the %,d rows (%.4f): kept the head as it "
          + "was; wrote %s%n", val.rows(), r.before(), o.out());
    } else {
      pw.printf(Locale.ROOT, "tau-normalised the classifier head (tau %.1f): balanced accuracy on the %,d rows "
          + "%.4f -> %.4f; wrote %s%n", r.tau(), val.rows(), r.before(), r.after(), o.out());
    }
    return 0;
  }
}
