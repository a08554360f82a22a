package org.imbalanced4j.tree;

import java.util.random.RandomGenerator;

/**
 * scikit-learn's tree splitters' random numbers ({@code our_rand_r}, a 32-bit xorshift: {@code s ^=
 * s << 13; s ^= s >> 17; s ^= s << 5}, reduced modulo 2^31), seeded as a tree with {@code
 * random_state=seed} seeds its splitter: {@code RandomState(seed).randint(0, 2^31 - 1)}. With it a
 * tree visits its columns in the order scikit-learn's visits them, which decides between splits of
 * equal impurity (boosting's stumps meet such ties).
 */
final class RandR implements RandomGenerator {
  private int state;

  /** The splitter's generator of a tree with {@code random_state=seed}. */
  RandR(long seed) {
    state = new org.imbalanced4j.random.NumpyRandom(seed & 0xffffffffL).randint(Integer.MAX_VALUE);
  }

  /** {@code our_rand_r}: the next value in [0, 2^31). */
  int next() {
    if (state == 0) {
      state = 1; // its DEFAULT_SEED
    }
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return state & Integer.MAX_VALUE;
  }

  /** {@code rand_int(0, bound)}: {@code our_rand_r() % bound}. */
  @Override
  public int nextInt(int bound) {
    return next() % bound;
  }

  @Override
  public long nextLong() {
    return ((long) next() << 33) ^ ((long) next() << 2) ^ next();
  }
}
