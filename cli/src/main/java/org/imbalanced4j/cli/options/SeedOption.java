package org.imbalanced4j.cli.options;

import org.imbalanced4j.Check;
import picocli.CommandLine.Option;

/** {@code --seed}: the one source of randomness of a command. */
public final class SeedOption {
  @Option(
      names = "--seed",
      paramLabel = "N",
      defaultValue = "0",
      description = "Random seed in [0, 2^32); the same seed gives the same result (default: ${DEFAULT-VALUE}).")
  long seed;

  public long seed() {
    Check.range("--seed", seed, 0, 0xffffffffL);
    return seed;
  }
}
