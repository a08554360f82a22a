package org.imbalanced4j.sampling.combine;

import org.imbalanced4j.data.Dataset;
import org.imbalanced4j.sampling.Resampled;
import org.imbalanced4j.sampling.Sampler;
import org.imbalanced4j.sampling.SamplerKind;
import org.imbalanced4j.sampling.SamplingTarget;

/**
 * An over-sampler followed by a cleaner, the second applied to the first's output. Each output
 * row's source is traced back through both: an input row, or -1 when synthetic.
 */
abstract class Chain extends Sampler {
  private final Sampler first;
  private final Sampler second;

  Chain(Sampler first, Sampler second) {
    super(first.samplingStrategy());
    this.first = first;
    this.second = second;
  }

  @Override
  public SamplerKind kind() {
    return first.kind();
  }

  @Override
  protected int minRowsPerTargetClass() {
    return 1; // the parts check themselves
  }

  @Override
  protected Resampled resample(Dataset data, SamplingTarget target) {
    Resampled a = first.fitResample(data);
    Resampled b = second.fitResample(a.data());
    int[] viaA = a.source();
    int[] kept = b.source();
    int[] source = new int[kept.length];
    for (int i = 0; i < kept.length; i++) {
      source[i] = viaA[kept[i]];
    }
    return new Resampled(b.data(), source);
  }

  @Override
  public String toString() {
    return name() + "(" + first + ", " + second + ")";
  }
}
