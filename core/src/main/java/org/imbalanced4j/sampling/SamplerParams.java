package org.imbalanced4j.sampling;

import java.util.List;
import java.util.Map;
import org.imbalanced4j.catalog.Params;

/**
 * The parameters given to a catalogued sampler, by imbalanced-learn's names ({@code k_neighbors},
 * {@code kind_sel}, ...), as text, with {@code sampling_strategy} read as a {@link
 * SamplingStrategy}.
 */
public final class SamplerParams extends Params {
  SamplerParams(String sampler, Map<String, String> values, List<String> valid) {
    super(sampler, values, valid);
  }

  /** The {@code sampling_strategy} given, or {@code auto}. */
  public SamplingStrategy strategy() {
    String v = text("sampling_strategy", null);
    return v == null ? SamplingStrategy.auto() : SamplingStrategy.parse(v);
  }
}
