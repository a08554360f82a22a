package org.imbalanced4j.experiment;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.imbalanced4j.data.Dataset;
import org.imbalanced4j.experiment.Candidate;
import org.imbalanced4j.experiment.CrossValidator;
import org.imbalanced4j.io.AtomicFiles;
import org.imbalanced4j.model.io.ModelDirectory;

/**
 * The winner of {@code imb compare}, retrained on all rows exactly as in each fold (resampler,
 * model, tuned threshold on a held-out quarter) and written as a model directory that {@code imb
 * predict} reads. The directory is written beside the target and renamed into place, so a failed
 * export never leaves half a model.
 */
final class BestModel {
  private BestModel() {}

  static void export(Path dir, Dataset d, CrossValidator.Fitted f, Candidate winner, long seed,
      Map<String, Object> scores, String source) throws IOException {
    Map<String, Object> decision = f.rule().toMap(d.schema().classNames());
    if (f.rule() instanceof org.imbalanced4j.threshold.DecisionRule.Threshold) {
      decision.put("chosen_by", "f1 on a stratified quarter of the rows, held out from the fit");
    }
    Map<String, Object> config = new LinkedHashMap<>();
    config.put("made_by", "imb compare");
    config.put("candidate", winner.name());
    config.put("learner", winner.trainer().describe());
    config.put("data", source);
    config.put("seed", seed);
    config.put("cross_validated", scores.get("metrics"));
    AtomicFiles.writeDirectory(dir, tmp -> ModelDirectory.save(tmp, f.model(), decision, config, d));
  }
}
