package org.imbalanced4j.cli.commands;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.imbalanced4j.DataException;
import org.imbalanced4j.InvalidOptionException;
import org.imbalanced4j.data.Dataset;
import org.imbalanced4j.djl.training.Decoupling;
import org.imbalanced4j.djl.training.NeuralModel;
import org.imbalanced4j.model.ModelInputs;
import org.imbalanced4j.model.io.ModelDirectory;
import org.imbalanced4j.model.io.SavedModel;

/**
 * {@code imb train --pretrained DIR --decouple METHOD}: a trained network's classifier head
 * re-balanced on the given data ({@link Decoupling}), written as a new model directory. tau trains
 * nothing, so every given row chooses tau and the saved decision: they should be rows the network
 * did not train on, best class-balanced (Kang et al. choose tau on a balanced validation set).
 */
final class Decouple {
  /** The methods of {@code --decouple}. */
  static final List<String> METHODS = List.of("tau");

  private Decouple() {}

  static int run(String method, Path pretrained, java.util.function.Supplier<Dataset> read, String file, Path out,
      PrintWriter pw) throws java.io.IOException {
    String how = method.strip().toLowerCase(Locale.ROOT);
    if (!METHODS.contains(how)) {
      throw InvalidOptionException.unknown("--decouple", method, METHODS);
    }
    if (pretrained == null) {
      throw new InvalidOptionException("--decouple re-balances a trained network's head: give its model directory "
          + "with --pretrained DIR");
    }
    SavedModel saved = ModelDirectory.load(pretrained);
    if (!(saved.model() instanceof NeuralModel network)) {
      throw new DataException(pretrained + " holds a " + saved.model().kind() + " model; --decouple works on the "
          + "classifier head of a network (kind network)");
    }
    Dataset all = read.get();
    Dataset aligned = ModelInputs.align(network.schema(), all);
    if (!all.schema().classNames().equals(network.classes())) {
      throw new DataException(file + ": its classes " + all.schema().classNames() + " are not the model's "
          + network.classes() + "; decoupling re-balances the same classes");
    }
    // tau trains nothing: every given row chooses it (rows the network did not train on, best class-balanced)
    Dataset train = aligned;
    Dataset val = aligned;
    Decoupling.Result r = Decoupling.tauNormalize(network, val);
    Map<String, Object> config = new LinkedHashMap<>();
    config.put("data", file);
    config.put("pretrained", pretrained.toString());
    config.put("decouple", how);
    config.put("tau", Double.isNaN(r.tau()) ? "none" : r.tau());
    ModelDirectory.save(out, r.model(), TrainCommand.decision(r.model(), val, train.classCounts().minority()), config,
        train);
    if (Double.isNaN(r.tau())) {
      pw.printf(Locale.ROOT, "no tau in 0..2 raised balanced accuracy on the %,d rows (%.4f): kept the "
          + "head as it was; wrote %s%n", val.rows(), r.before(), out);
    } else {
      pw.printf(Locale.ROOT, "tau-normalised the classifier head (tau %.1f): balanced accuracy on the %,d rows "
          + "%.4f -> %.4f; wrote %s%n", r.tau(), val.rows(), r.before(), r.after(), out);
    }
    return 0;
  }
}
