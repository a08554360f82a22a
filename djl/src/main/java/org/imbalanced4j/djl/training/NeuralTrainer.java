package org.imbalanced4j.djl.training;

import java.util.Map;
import java.util.function.Function;
import org.imbalanced4j.data.Dataset;
import org.imbalanced4j.model.Model;
import org.imbalanced4j.model.Provenance;
import org.imbalanced4j.model.Trainer;
import org.imbalanced4j.split.Split;
import org.imbalanced4j.split.StratifiedShuffleSplit;

/**
 * A network as a core {@link Trainer}, so experiments race it beside classical models: the
 * {@link TabularTrainer} is configured per fit (its loss may depend on the training rows' class
 * counts), and when no validation rows are given a stratified fifth of the training rows serves
 * for early stopping.
 */
public final class NeuralTrainer implements Trainer {
  private final String description;
  private final Function<Dataset, TabularTrainer.Builder> configure;

  /** @param configure the trainer for a training set (loss, epochs, network ...) */
  public NeuralTrainer(String description, Function<Dataset, TabularTrainer.Builder> configure) {
    this.description = description;
    this.configure = configure;
  }

  @Override
  public String describe() {
    return description;
  }

  @Override
  public boolean usesValidation() {
    return true;
  }

  @Override
  public Model fit(Dataset train, Dataset validation, long seed) {
    Dataset fitOn = train;
    Dataset val = validation;
    if (val == null) {
      Split s = StratifiedShuffleSplit.trainTestSplit(train.labels(), 0.2, seed);
      fitOn = train.subset(s.train());
      val = train.subset(s.test());
    }
    TabularTrainer.Result r = configure.apply(fitOn).optSeed((int) seed).build().fit(fitOn.compact(), val);
    Provenance prov = new Provenance(description, Map.of("best_epoch", r.bestEpoch() + 1), seed, fitOn.rows() + " rows");
    return new NeuralModel(r, prov);
  }

  /** A fitted network: its training result (best parameters, preprocessing) and provenance. */
  public record NeuralModel(TabularTrainer.Result result, Provenance provenance) implements Model {
    @Override
    public double[][] predictProba(Dataset data) {
      return TabularTrainer.predictProba(result, data);
    }

    @Override
    public java.util.List<String> warnings() {
      return result.warnings();
    }
  }
}
