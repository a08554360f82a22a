package org.imbalanced4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Killing compare midway and running it again recomputes nothing already stored. */
class CompareResumeTest {
  @TempDir Path dir;

  static int stored(Path db) throws Exception {
    if (!Files.exists(db)) {
      return 0;
    }
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
        ResultSet rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM folds")) {
      return rs.next() ? rs.getInt(1) : 0;
    } catch (java.sql.SQLException notYet) {
      return 0;
    }
  }

  @Test
  void killedThenRerunRecomputesOnlyWhatIsMissing() throws Exception {
    Path out = dir.resolve("cmp");
    Path db = out.resolve("results.sqlite");
    List<String> cmd = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), "org.imbalanced4j.cli.Imb",
        "compare", "builtin:ionosphere", "--grid", CliRun.shortGrid(dir).toString(), "--folds", "3", "--seed", "4", "--no-race", "--out", out.toString());
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true)
        .redirectOutput(dir.resolve("first.log").toFile()).start();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(240);
    while (System.nanoTime() < deadline && stored(db) < 20 && p.isAlive()) {
      Thread.sleep(50);
    }
    p.destroyForcibly();
    p.waitFor(60, TimeUnit.SECONDS);
    int before = stored(db);
    assertThat(before).isBetween(20, 107); // 36 strategies x 3 folds

    CliRun again = CliRun.of("compare", "builtin:ionosphere", "--grid", CliRun.shortGrid(dir).toString(), "--folds", "3", "--seed", "4", "--no-race", "--out", out.toString());
    assertThat(again.exit()).as(again.err()).isZero();
    assertThat(again.out()).contains((108 - before) + " folds computed, " + before + " reused");
    CliRun third = CliRun.of("compare", "builtin:ionosphere", "--grid", CliRun.shortGrid(dir).toString(), "--folds", "3", "--seed", "4", "--no-race", "--out", out.toString());
    assertThat(third.out()).contains("0 folds computed, 108 reused");
  }
}
