package org.imbalanced4j.cli.options;

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
    if (seed < 0 || seed > 0xffffffffL) {
      throw new org.imbalanced4j.InvalidOptionException("--seed must be in [0, 4294967295], got " + seed);
    }
    return seed;
  }
}
