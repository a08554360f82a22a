package org.imbalanced4j.sampling;

import java.util.Objects;
import org.imbalanced4j.DataException;
import org.imbalanced4j.data.ClassCounts;
import org.imbalanced4j.data.Dataset;
import org.imbalanced4j.data.Feature;
import org.imbalanced4j.data.Schema;

/**
 * The one sampler contract: {@link #fitResample(Dataset)} validates the data and resolves the
 * strategy once, here, for every sampler; a subclass only implements {@link #resample}. Samplers
 * keep no fitted state: the same sampler with the same seed gives the same result on the same
 * data, from any thread.
 *
 * <p>Checked here: at least two classes; a targeted class large enough for the sampler's
 * neighbourhoods ({@link #minRowsPerTargetClass()}); no categorical feature given to a sampler
 * that measures distances ({@link #acceptsCategorical()}). Feature values are finite by {@link
 * Dataset}'s own contract.
 */
public abstract class Sampler {
  private final SamplingStrategy strategy;

  /** A sampler that targets the classes {@code strategy} names. */
  protected Sampler(SamplingStrategy strategy) {
    this.strategy = Objects.requireNonNull(strategy, "strategy");
  }

  /** imbalanced-learn's class name of this method, such as {@code SMOTE}. */
  public abstract String name();

  /** Whether the sampler over-samples, under-samples, cleans or combines. */
  public abstract SamplerKind kind();

  /** The classes targeted and how, as given. */
  public SamplingStrategy samplingStrategy() {
    return strategy;
  }

  /** Resamples {@code data}; the input is not changed. */
  public final Resampled fitResample(Dataset data) {
    String problem = problem(data.classCounts(), data.rows(), data.schema());
    if (problem != null) {
      throw new DataException(problem);
    }
    return resample(data, strategy.resolve(data.classCounts(), kind()));
  }

  /**
   * Why this sampler cannot run on data of these class counts, row count and columns, or null
   * when it can: the checks of {@link #fitResample}, without the data, so that a caller knows
   * before any work (every fold of a cross-validation, say).
   */
  public final String problem(ClassCounts cc, int rows, Schema schema) {
    if (cc.presentClassCount() < 2) {
      return name() + " needs at least two classes; the data has "
          + (cc.presentClassCount() == 0 ? "no rows" : "only " + presentCounts(cc));
    }
    if (!acceptsCategorical() && schema.hasCategorical()) {
      return name() + " measures distances and cannot use the categorical "
          + "features " + schema.features().stream().filter(Feature::isCategorical)
              .map(Feature::name).toList() + categoricalHint();
    }
    SamplingTarget target = strategy.resolve(cc, kind());
    int need = minRowsPerTargetClass();
    for (int k : target.classes()) {
      if (cc.count(k) < need) {
        return name() + ": class '" + cc.classNames().get(k) + "' has "
            + cc.count(k) + " row" + (cc.count(k) == 1 ? "" : "s") + ", but " + neighborsParameter()
            + " needs at least " + need + "; lower " + neighborsParameter().replaceAll("=.*", "")
            + (cc.count(k) > 1 ? " to at most " + (cc.count(k) - (need - neighborsValue())) : "")
            + " or leave the class out of the sampling strategy";
      }
    }
    if (rows < minRowsTotal()) {
      return name() + ": the data has " + rows + " rows, but " + neighborsParameter() + " needs at least "
          + minRowsTotal();
    }
    return null;
  }

  /** Resamples validated data to the resolved target. */
  protected abstract Resampled resample(Dataset data, SamplingTarget target);

  /** Rows each targeted class needs (k neighbours plus the row itself). */
  protected int minRowsPerTargetClass() {
    return 1;
  }

  /** Rows the whole data set needs. */
  protected int minRowsTotal() {
    return 1;
  }

  /** The neighbourhood parameter as the user wrote it, for messages: {@code k_neighbors=5}. */
  protected String neighborsParameter() {
    return "the method";
  }

  /** The neighbourhood parameter's value (rows needed = value + the difference to it). */
  protected int neighborsValue() {
    return 0;
  }

  /** Whether categorical codes are meaningful to this sampler (random samplers, SMOTENC). */
  protected boolean acceptsCategorical() {
    return false;
  }

  /** What to use instead when categorical features are present. */
  protected String categoricalHint() {
    return "; drop or one-hot encode them first";
  }

  private static String presentCounts(ClassCounts cc) {
    StringBuilder sb = new StringBuilder();
    for (int k = 0; k < cc.classCount(); k++) {
      if (cc.count(k) > 0) {
        sb.append("class '").append(cc.classNames().get(k)).append("' (").append(cc.count(k))
            .append(" rows)");
      }
    }
    return sb.toString();
  }

  @Override
  public String toString() {
    return name() + "(sampling_strategy=" + strategy + ")";
  }
}
