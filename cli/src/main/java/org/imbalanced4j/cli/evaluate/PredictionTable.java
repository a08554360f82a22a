package org.imbalanced4j.cli.evaluate;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.imbalanced4j.DataException;
import org.imbalanced4j.InvalidOptionException;
import org.imbalanced4j.data.ClassCounts;
import org.imbalanced4j.data.Levels;
import org.imbalanced4j.io.TextTable;

/**
 * A predictions file read by the roles of its columns, as {@code imb predict} writes them: one
 * {@code proba_<class>} column per class, the model's decision {@code predicted}, and the true
 * class. Classes are named by the probability columns, so a batch that holds one class only still
 * knows the others. The true class is never guessed from a prediction column: a file without one
 * is an error.
 *
 * @param classes class names, in the order of the probability columns (else sorted)
 * @param truth the true class of every row, an index into {@code classes}
 * @param proba {@code proba[i][c]}, or null when the file has no probabilities
 * @param score the binary score named by {@code --score}, or null
 * @param scoreClass the class {@code score} is the score of (from a {@code proba_<class>} name), or -1
 * @param predicted the decisions in the {@code predicted} column, or null
 * @param target the name of the true-class column
 */
public record PredictionTable(List<String> classes, int[] truth, double[][] proba, double[] score,
    int scoreClass, int[] predicted, String target) {
  /** Prefix of a probability column. */
  public static final String PROBA = "proba_";
  /** The decision column {@code imb predict} writes. */
  public static final String PREDICTED = "predicted";

  /**
   * Resolves the roles of {@code t}'s columns.
   *
   * @param target the true-class column, or null to find it: {@code class} or {@code label}, else
   *     the last column unless that is a prediction column
   * @param scoreColumn the binary score column of {@code --score}, or null
   * @param probaColumns the columns of {@code --proba}, or null for every {@code proba_} column
   */
  public static PredictionTable of(TextTable t, String target, String scoreColumn, List<String> probaColumns) {
    List<String> header = t.header();
    List<String> fileProba = header.stream().filter(PredictionTable::isProba).toList();
    Set<Integer> roles = new java.util.HashSet<>();
    fileProba.forEach(c -> roles.add(t.indexOf(c)));
    int predictedColumn = header.indexOf(PREDICTED);
    if (predictedColumn >= 0) {
      roles.add(predictedColumn);
    }
    if (scoreColumn != null) {
      roles.add(t.require(scoreColumn, "--score column"));
    }
    if (probaColumns != null) {
      probaColumns.forEach(c -> roles.add(t.require(c, "--proba column")));
    }
    int y = targetColumn(t, target, roles);
    String[] truthText = t.text(y);

    List<String> classes;
    double[][] proba = null;
    double[] score = null;
    int scoreClass = -1;
    List<String> cols = probaColumns != null ? probaColumns : scoreColumn == null ? fileProba : List.of();
    if (!cols.isEmpty()) {
      if (cols.stream().allMatch(PredictionTable::isProba)) {
        classes = cols.stream().map(PredictionTable::className).toList();
        if (new LinkedHashSet<>(classes).size() != classes.size()) {
          throw new InvalidOptionException("--proba names a class twice: " + String.join(",", cols));
        }
        if (probaColumns != null && !new LinkedHashSet<>(fileProba).equals(new LinkedHashSet<>(probaColumns))
            && probaColumns.size() < fileProba.size()) {
          throw new InvalidOptionException("--proba names " + cols.size() + " of the file's " + fileProba.size()
              + " probability columns (" + String.join(", ", fileProba) + "); give all of them, one per class");
        }
      } else {
        // columns not named by class: one per class, in the sorted order of the true classes
        classes = Levels.sorted(new LinkedHashSet<>(List.of(truthText)));
        if (cols.size() != classes.size()) {
          throw new InvalidOptionException("--proba names " + cols.size() + " columns but the true class has "
              + classes.size() + " classes " + classes + "; give one column per class, in this order"
              + " (or name them proba_<class>)");
        }
      }
      proba = new double[t.rows()][classes.size()];
      for (int c = 0; c < cols.size(); c++) {
        double[] v = t.numbers(t.indexOf(cols.get(c)));
        for (int i = 0; i < v.length; i++) {
          proba[i][c] = v[i];
        }
      }
    } else if (scoreColumn != null) {
      score = t.numbers(t.indexOf(scoreColumn));
      Set<String> seen = new LinkedHashSet<>(List.of(truthText));
      String named = isProba(scoreColumn) ? className(scoreColumn) : null;
      if (named != null) {
        seen.add(named);
      }
      fileProba.forEach(c -> seen.add(className(c)));
      classes = Levels.sorted(seen);
      scoreClass = named == null ? -1 : classes.indexOf(named);
    } else if (predictedColumn >= 0) {
      Set<String> seen = new LinkedHashSet<>(List.of(truthText));
      seen.addAll(List.of(t.text(predictedColumn)));
      classes = Levels.sorted(seen);
    } else {
      throw new InvalidOptionException(t.source() + " has no " + PROBA + "<class> columns and no " + PREDICTED
          + " column; name the score of the positive class with --score COL or the probabilities with --proba COLS");
    }
    int[] truth = codes(t, y, truthText, classes, "true class");
    int[] predicted = predictedColumn >= 0 ? codes(t, predictedColumn, t.text(predictedColumn), classes,
        PREDICTED) : null;
    return new PredictionTable(classes, truth, proba, score, scoreClass, predicted, header.get(y));
  }

  private static int targetColumn(TextTable t, String target, Set<Integer> roles) {
    if (target != null) {
      int j = t.require(target, "target column");
      if (roles.contains(j)) {
        throw new InvalidOptionException("--target '" + target + "' is a prediction column, not the true class");
      }
      return j;
    }
    List<String> header = t.header();
    for (String name : List.of("class", "label")) {
      for (int j = 0; j < header.size(); j++) {
        if (header.get(j).toLowerCase(Locale.ROOT).equals(name) && !roles.contains(j)) {
          return j;
        }
      }
    }
    int last = header.size() - 1;
    if (!roles.contains(last)) {
      return last;
    }
    throw new DataException(t.source() + " has no true-class column (its columns: " + String.join(", ", header)
        + "); evaluation needs the true class: score rows that hold the target with imb predict, "
        + "or name the column with --target");
  }

  private static int[] codes(TextTable t, int column, String[] text, List<String> classes, String what) {
    int[] out = new int[text.length];
    java.util.Map<String, Integer> code = new java.util.HashMap<>();
    for (int c = 0; c < classes.size(); c++) {
      code.put(classes.get(c), c);
    }
    for (int i = 0; i < text.length; i++) {
      Integer c = code.get(text[i]);
      if (c == null) {
        throw org.imbalanced4j.DataException.at(t.source(), t.line(i), column + 1, t.header().get(column),
            text[i].isEmpty() ? "missing " + what : what + " '" + text[i] + "' is none of the classes the "
                + "probability columns name " + classes);
      }
      out[i] = c;
    }
    return out;
  }

  static boolean isProba(String column) {
    return column.length() > PROBA.length() && column.regionMatches(true, 0, PROBA, 0, PROBA.length());
  }

  static String className(String probaColumn) {
    return probaColumn.substring(PROBA.length());
  }

  /** Number of classes. */
  public int k() {
    return classes.size();
  }

  /** Rows of each class among the true classes. */
  public long[] counts() {
    return ClassCounts.of(classes, truth).counts();
  }

  /** Classes with no true row, by name. */
  public List<String> absentClasses() {
    long[] n = counts();
    return java.util.stream.IntStream.range(0, n.length).filter(c -> n[c] == 0).mapToObj(classes::get).toList();
  }
}
