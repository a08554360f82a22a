package org.imbalanced4j.sampling.combine;

import org.imbalanced4j.sampling.over.Smote;
import org.imbalanced4j.sampling.under.EditedNearestNeighbours;

/**
 * SMOTE, then edited nearest neighbours in every class ({@code sampling_strategy='all'}): a
 * stronger cleaning than {@link SmoteTomek}.
 *
 * <p>Reference: G. E. A. P. A. Batista, R. C. Prati and M. C. Monard, "A study of the behavior of
 * several methods for balancing machine learning training data", ACM SIGKDD Explorations 6(1),
 * 20-29, 2004. As imbalanced-learn's {@code SMOTEENN}.
 */
public final class SmoteEnn extends Chain {
  private SmoteEnn(Smote smote, EditedNearestNeighbours enn) {
    super(smote, enn);
  }

  /** A builder with the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  public String name() {
    return "SMOTEENN";
  }

  /**
   * Builder: {@code optSamplingStrategy} and {@code optSeed} for the default SMOTE, or {@code
   * optSmote} and {@code optEnn} to set the parts.
   */
  public static final class Builder extends Chain.Builder<Builder> {
    private EditedNearestNeighbours enn;

    /** Sets imbalanced-learn's {@code enn}. */
    public Builder optEnn(EditedNearestNeighbours enn) {
      this.enn = enn;
      return this;
    }

    /** Builds the {@code SmoteEnn}. */
    public SmoteEnn build() {
      return new SmoteEnn(smote(), enn != null ? enn
          : EditedNearestNeighbours.builder().optSamplingStrategy(all()).build());
    }
  }
}
