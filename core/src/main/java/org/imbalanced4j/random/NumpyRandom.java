package org.imbalanced4j.random;

/**
 * NumPy's legacy {@code RandomState}: the MT19937 generator (Matsumoto and Nishimura, "Mersenne
 * Twister: a 623-dimensionally equidistributed uniform pseudo-random number generator", ACM TOMACS
 * 8(1), 1998) seeded with {@code init_genrand(seed)}, with NumPy's bounded-integer draws.
 *
 * <p>It exists so that a seeded split or sampler gives the same indices as scikit-learn and
 * imbalanced-learn called with {@code random_state=seed}. Not thread-safe: give each task its own.
 *
 * <pre>{@code
 * NumpyRandom rng = new NumpyRandom(42);
 * int[] p = rng.permutation(10);   // == np.random.RandomState(42).permutation(10)
 * }</pre>
 */
public final class NumpyRandom {
  private static final int N = 624;
  private static final int M = 397;
  private final int[] mt = new int[N];
  private int mti;
  private boolean hasGauss;
  private double gauss;

  /** A generator seeded as {@code np.random.RandomState(seed)}, seed in [0, 2^32). */
  public NumpyRandom(long seed) {
    if (seed < 0 || seed > 0xffffffffL) {
      throw new IllegalArgumentException("seed must be between 0 and 2^32 - 1, got " + seed);
    }
    mt[0] = (int) seed;
    for (int i = 1; i < N; i++) {
      mt[i] = 1812433253 * (mt[i - 1] ^ (mt[i - 1] >>> 30)) + i;
    }
    mti = N;
  }

  /** The next 32 random bits, as NumPy's {@code next_uint32}. */
  public int nextInt32() {
    if (mti >= N) {
      generate();
    }
    int y = mt[mti++];
    y ^= y >>> 11;
    y ^= (y << 7) & 0x9d2c5680;
    y ^= (y << 15) & 0xefc60000;
    y ^= y >>> 18;
    return y;
  }

  /** The next 64 random bits: two 32-bit draws, high word first. */
  public long nextInt64() {
    long hi = nextInt32() & 0xffffffffL;
    long lo = nextInt32() & 0xffffffffL;
    return (hi << 32) | lo;
  }

  /** A double in [0, 1) with 53 random bits, as {@code random_sample()}. */
  public double nextDouble() {
    long a = (nextInt32() & 0xffffffffL) >>> 5;
    long b = (nextInt32() & 0xffffffffL) >>> 6;
    return (a * 67108864.0 + b) / 9007199254740992.0;
  }

  /**
   * A uniform integer in [0, max] by masked rejection, as NumPy's {@code random_interval} (used
   * by the legacy {@code shuffle} and {@code permutation}).
   */
  public long interval(long max) {
    if (max == 0) {
      return 0;
    }
    long mask = max;
    mask |= mask >>> 1;
    mask |= mask >>> 2;
    mask |= mask >>> 4;
    mask |= mask >>> 8;
    mask |= mask >>> 16;
    mask |= mask >>> 32;
    long value;
    if (max <= 0xffffffffL) {
      while ((value = (nextInt32() & 0xffffffffL) & mask) > max) {
        // reject
      }
    } else {
      while ((value = nextInt64() & mask) > max) {
        // reject
      }
    }
    return value;
  }

  /**
   * {@code randint(0, n)}: a uniform integer in [0, n) by NumPy's legacy masked rejection, which is
   * also what {@code choice(n, replace=True)} draws.
   */
  public int randint(int n) {
    if (n <= 0) {
      throw new IllegalArgumentException("randint needs n > 0, got " + n);
    }
    return (int) interval(n - 1L);
  }

  /** {@code uniform(0, 1)}: the same draw as {@link #nextDouble()}. */
  public double uniform() {
    return nextDouble();
  }

  /**
   * A standard normal deviate as the legacy {@code RandomState.standard_normal}: Marsaglia's
   * polar method, the second deviate of each pair kept for the next call.
   */
  public double gauss() {
    if (hasGauss) {
      hasGauss = false;
      double g = gauss;
      gauss = 0;
      return g;
    }
    double x1;
    double x2;
    double r2;
    do {
      x1 = 2.0 * nextDouble() - 1.0;
      x2 = 2.0 * nextDouble() - 1.0;
      r2 = x1 * x1 + x2 * x2;
    } while (r2 >= 1.0 || r2 == 0.0);
    double f = Math.sqrt(-2.0 * Math.log(r2) / r2);
    gauss = f * x1;
    hasGauss = true;
    return f * x2;
  }

  /**
   * A Gamma(shape, 1) deviate as the legacy {@code standard_gamma} for shape {@code >= 1}
   * (Marsaglia and Tsang, "A simple method for generating gamma variables", ACM TOMS 26(3), 2000).
   */
  public double standardGamma(double shape) {
    if (shape < 1) {
      throw new IllegalArgumentException("only shape >= 1 is supported, got " + shape);
    }
    if (shape == 1.0) {
      return -Math.log(1.0 - nextDouble());
    }
    double b = shape - 1.0 / 3.0;
    double c = 1.0 / Math.sqrt(9 * b);
    while (true) {
      double x;
      double v;
      do {
        x = gauss();
        v = 1.0 + c * x;
      } while (v <= 0.0);
      v = v * v * v;
      double u = nextDouble();
      if (u < 1.0 - 0.0331 * (x * x) * (x * x)) {
        return b * v;
      }
      if (Math.log(u) < 0.5 * x * x + b * (1.0 - v + Math.log(v))) {
        return b * v;
      }
    }
  }

  /** A Beta(a, b) deviate as the legacy {@code beta} for a, b {@code >= 1}: Ga / (Ga + Gb). */
  public double beta(double a, double b) {
    double ga = standardGamma(a);
    double gb = standardGamma(b);
    return ga / (ga + gb);
  }

  /** Shuffles in place as {@code RandomState.shuffle} does a 1-d array (Fisher-Yates, from the end). */
  public void shuffle(int[] a) {
    for (int i = a.length - 1; i > 0; i--) {
      int j = (int) interval(i);
      int t = a[i];
      a[i] = a[j];
      a[j] = t;
    }
  }

  /** {@code RandomState.permutation(n)}. */
  public int[] permutation(int n) {
    int[] p = new int[n];
    for (int i = 0; i < n; i++) {
      p[i] = i;
    }
    shuffle(p);
    return p;
  }

  /** {@code RandomState.permutation(array)}: a shuffled copy. */
  public int[] permutation(int[] a) {
    int[] p = a.clone();
    shuffle(p);
    return p;
  }

  private void generate() {
    int kk;
    int y;
    for (kk = 0; kk < N - M; kk++) {
      y = (mt[kk] & 0x80000000) | (mt[kk + 1] & 0x7fffffff);
      mt[kk] = mt[kk + M] ^ (y >>> 1) ^ ((y & 1) != 0 ? 0x9908b0df : 0);
    }
    for (; kk < N - 1; kk++) {
      y = (mt[kk] & 0x80000000) | (mt[kk + 1] & 0x7fffffff);
      mt[kk] = mt[kk + (M - N)] ^ (y >>> 1) ^ ((y & 1) != 0 ? 0x9908b0df : 0);
    }
    y = (mt[N - 1] & 0x80000000) | (mt[0] & 0x7fffffff);
    mt[N - 1] = mt[M - 1] ^ (y >>> 1) ^ ((y & 1) != 0 ? 0x9908b0df : 0);
    mti = 0;
  }
}
