package org.imbalanced4j;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.imbalanced4j.api.Train;
import org.imbalanced4j.experiment.Compare;
import org.junit.jupiter.api.Test;

/** The builders check their numbers through {@link Check}, naming the parameter, not a command-line option. */
class CheckTest {
  @Test
  void buildersNameTheirParametersAndTheBoundsTheCommandLineShares() {
    assertThatThrownBy(() -> Compare.builder().optFolds(1)).isInstanceOf(InvalidOptionException.class)
        .hasMessage("folds must be between 2 and " + Compare.MAX_FOLDS + ", got 1");
    assertThatThrownBy(() -> Compare.builder().optHoldout(1.0)).hasMessage("holdout must be strictly between 0 and 1, got 1");
    assertThatThrownBy(() -> Compare.builder().optJobs(Compare.MAX_JOBS + 1))
        .hasMessage("jobs must be between 1 and 256, got 257");
    assertThatThrownBy(() -> Compare.builder().optBudgetMinutes(0)).hasMessage("budget minutes must be above 0 and at most 1000000, got 0");
    assertThatThrownBy(() -> Train.builder().optValidationSplit(1)).isInstanceOf(InvalidOptionException.class)
        .hasMessage("validation split must be at least 0 and below 1, got 1");
    assertThatThrownBy(() -> Train.builder().optValidationSplit(Double.NaN)).hasMessageContaining("got NaN");
    assertThatCode(() -> Train.builder().optValidationSplit(0)).doesNotThrowAnyException();
    assertThatCode(() -> Compare.builder().optFolds(Compare.MAX_FOLDS).optRepeats(Compare.MAX_REPEATS))
        .doesNotThrowAnyException();
  }
}
