package org.imbalanced4j.sampling.under;

import java.util.Locale;
import org.imbalanced4j.InvalidOptionException;

/** How the edited-nearest-neighbour rules judge a row by its neighbours' labels. */
public enum KindSel {
  /** Keep a row when the most common neighbour label (smallest on ties) is its own. */
  MODE,
  /** Keep a row only when every neighbour has its label. */
  ALL;

  /** The rule of imbalanced-learn's {@code kind_sel} value, {@code all} or {@code mode}. */
  public static KindSel parse(String s) {
    try {
      return valueOf(s.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw InvalidOptionException.unknown("kind_sel", s, java.util.List.of("all", "mode"));
    }
  }

  /** Whether a row of class {@code label} with these neighbour labels is kept. */
  public boolean keeps(int label, int[] neighbourLabels, int classCount) {
    if (this == ALL) {
      for (int l : neighbourLabels) {
        if (l != label) {
          return false;
        }
      }
      return true;
    }
    return mode(neighbourLabels, classCount) == label;
  }

  /** The most common label, the smallest on ties (as scipy.stats.mode). */
  static int mode(int[] labels, int classCount) {
    int[] c = new int[classCount];
    int best = 0;
    for (int l : labels) {
      c[l]++;
    }
    for (int k = 1; k < classCount; k++) {
      if (c[k] > c[best]) {
        best = k;
      }
    }
    return best;
  }
}
