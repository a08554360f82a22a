package org.imbalanced4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResampleCommandTest {
  @TempDir Path dir;

  /** A small file whose target is the first column and whose numbers have more digits than a float. */
  private Path input() throws IOException {
    StringBuilder sb = new StringBuilder("Class,amount,ratio\n");
    java.util.Random r = new java.util.Random(5);
    for (int i = 0; i < 60; i++) {
      boolean rare = i % 6 == 0;
      sb.append(rare ? "fraud" : "ok").append(',')
          .append(String.format(java.util.Locale.ROOT, "%.9f", (rare ? 3 : 0) + r.nextGaussian()))
          .append(',').append(String.format(java.util.Locale.ROOT, "%.12f", r.nextDouble()))
          .append('\n');
    }
    Path p = dir.resolve("in.csv");
    Files.writeString(p, sb.toString());
    return p;
  }

  @Test
  void smoteKeepsInputTextColumnsAndOrderAndAppendsSyntheticRows() throws IOException {
    Path in = input();
    Path out = dir.resolve("out.csv");
    CliRun r = CliRun.of("resample", in.toString(), "--method", "smote", "--param", "k_neighbors=3",
        "--seed", "7", "--out", out.toString());
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).contains("SMOTE").contains("fraud").contains("wrote");
    List<String> inLines = Files.readAllLines(in);
    List<String> outLines = Files.readAllLines(out);
    assertThat(outLines.subList(0, inLines.size())).isEqualTo(inLines);
    assertThat(outLines).hasSize(1 + 50 + 50);
    assertThat(outLines.get(outLines.size() - 1)).startsWith("fraud,");
  }

  @Test
  void cleaningKeepsASubsetOfTheInputLinesVerbatim() throws IOException {
    Path in = input();
    Path out = dir.resolve("enn.csv");
    CliRun r = CliRun.of("resample", in.toString(), "--target", "Class", "--method",
        "EditedNearestNeighbours", "--strategy", "all", "--out", out.toString());
    assertThat(r.exit()).as(r.err()).isZero();
    List<String> inLines = Files.readAllLines(in);
    List<String> outLines = Files.readAllLines(out);
    assertThat(inLines).containsAll(outLines);
    assertThat(outLines.size()).isLessThanOrEqualTo(inLines.size());
  }

  @Test
  void arffOutputAndTheSameSeedGivesTheSameFile() throws IOException {
    Path in = input();
    Path a = dir.resolve("a.arff");
    Path b = dir.resolve("b.arff");
    for (Path out : List.of(a, b)) {
      assertThat(CliRun.of("resample", in.toString(), "--method", "RandomOverSampler", "--seed", "3",
          "--out", out.toString()).exit()).isZero();
    }
    assertThat(Files.readString(a)).isEqualTo(Files.readString(b)).contains("@attribute Class {fraud,ok}");
  }

  @Test
  void listNamesEveryMethodWithItsParameters() {
    CliRun r = CliRun.of("resample", "--list");
    assertThat(r.exit()).isZero();
    assertThat(r.out()).contains("SMOTE").contains("k_neighbors=5").contains("TomekLinks")
        .contains("kind_sel=all").contains("SMOTETomek");
  }

  @Test
  void unknownMethodListsTheValidOnes() throws IOException {
    CliRun r = CliRun.of("resample", input().toString(), "--method", "SMOOTE", "--out", dir.resolve("x.csv").toString());
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).startsWith("imb: unknown method 'SMOOTE'; valid: RandomOverSampler, SMOTE");
  }

  @Test
  void unknownStrategyListsTheValidForms() throws IOException {
    CliRun r = CliRun.of("resample", input().toString(), "--method", "SMOTE", "--strategy", "most",
        "--out", dir.resolve("x.csv").toString());
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("unknown sampling strategy 'most'").contains("not minority");
  }

  @Test
  void tooManyNeighboursNamesTheClassAndItsCount() throws IOException {
    CliRun r = CliRun.of("resample", input().toString(), "--method", "SMOTE", "--param",
        "k_neighbors=10", "--out", dir.resolve("x.csv").toString());
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.err().strip()).isEqualTo("imb: SMOTE: class 'fraud' has 10 rows, but k_neighbors=10 "
        + "needs at least 11; lower k_neighbors to at most 9 or leave the class out of the sampling strategy");
    assertThat(Files.exists(dir.resolve("x.csv"))).isFalse();
  }

  @Test
  void categoricalColumnsPointToSmotenc() {
    CliRun r = CliRun.of("resample", "builtin:lending_club", "--method", "SMOTE", "--out",
        dir.resolve("x.csv").toString());
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.err()).contains("SMOTENC").contains("term").doesNotContain("\tat ");
  }

  @Test
  void missingOutIsAUsageError() throws IOException {
    CliRun r = CliRun.of("resample", input().toString(), "--method", "SMOTE");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("--out");
  }
}
