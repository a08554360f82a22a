package org.imbalanced4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.imbalanced4j.DataException;
import org.imbalanced4j.io.DirectoryLock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two runs on one {@code --out} at once, as two processes: the second stops at once with one line
 * naming the lock and the run holding it, and writes nothing; the first goes on undisturbed, and
 * its lock dies with it.
 */
class ConcurrentRunsTest {
  @TempDir Path dir;

  private Process start(String log, String... args) throws IOException {
    List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), "org.imbalanced4j.cli.Imb"));
    cmd.addAll(List.of(args));
    return new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(dir.resolve(log).toFile()).start();
  }

  /** Waits until the run writing {@code out} has locked it (the lock file names it). */
  private static void awaitLock(Path out, String holder, Process p) throws Exception {
    Path file = out.resolve(DirectoryLock.FILE);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    while (System.nanoTime() < deadline && p.isAlive()) {
      String expected = holder + ", pid " + p.pid();
      if (Files.exists(file) && Files.readString(file, StandardCharsets.UTF_8).startsWith(expected)) {
        return;
      }
      Thread.sleep(20);
    }
    throw new AssertionError("the first run never locked " + out);
  }

  private String secondRunStops(Path out, Process first, String holder, String... args) throws Exception {
    Process second = start("second.log", args);
    assertThat(second.waitFor(120, TimeUnit.SECONDS)).isTrue();
    String said = Files.readString(dir.resolve("second.log"), StandardCharsets.UTF_8).strip();
    assertThat(second.exitValue()).as(said).isEqualTo(1);
    assertThat(said.lines()).as(said).hasSize(1);
    assertThat(said).isEqualTo("imb: " + out + " is in use by another run (" + holder + ", pid " + first.pid()
        + said.substring(said.indexOf(", since")));
    assertThat(said).endsWith("it holds the lock " + out.resolve(DirectoryLock.FILE)
        + "; wait for it to end or write elsewhere");
    assertThat(first.isAlive()).as("the first run was still running when the second stopped").isTrue();
    return said;
  }

  @Test
  void asecondTrainOnTheSameOutStopsAndTheFirstFinishes() throws Exception {
    Path out = dir.resolve("model");
    String[] train = {"train", "builtin:satimage", "--loss", "focal", "--epochs", "30", "--batch-size", "64",
        "--patience", "100", "--seed", "5", "--out", out.toString()};
    Process first = start("first.log", train);
    awaitLock(out, "imb train", first);
    secondRunStops(out, first, "imb train", train);
    assertThat(first.waitFor(300, TimeUnit.SECONDS)).isTrue();
    assertThat(first.exitValue()).as(Files.readString(dir.resolve("first.log"))).isZero();
    assertThat(out.resolve("model.json")).exists();
    try (DirectoryLock free = DirectoryLock.acquire(out, "test")) {
      assertThat(Files.readString(out.resolve(DirectoryLock.FILE))).startsWith("test, pid "); // released
    }
  }

  @Test
  void asecondCompareOnTheSameOutStopsAndLeavesTheStoreAlone() throws Exception {
    Path out = dir.resolve("cmp");
    Path db = out.resolve("results.sqlite");
    String[] compare = {"compare", "builtin:ionosphere", "--grid", CliRun.shortGrid(dir).toString(), "--folds", "3", "--seed", "4", "--no-race", "--out",
        out.toString()};
    Process first = start("first.log", compare);
    awaitLock(out, "imb compare", first);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    while (System.nanoTime() < deadline && CompareResumeTest.stored(db) < 1 && first.isAlive()) {
      Thread.sleep(20);
    }
    secondRunStops(out, first, "imb compare", compare);
    int stored = CompareResumeTest.stored(db);
    first.destroyForcibly();
    first.waitFor(60, TimeUnit.SECONDS);
    assertThat(CompareResumeTest.stored(db)).as("the store is readable, nothing lost").isGreaterThanOrEqualTo(stored);
    try (DirectoryLock free = DirectoryLock.acquire(out, "test")) { // a killed run's lock dies with it
      assertThat(free).isNotNull();
    }
  }

  @Test
  void aLockHeldInThisProcessStopsARunHereToo() throws Exception {
    Path out = dir.resolve("here");
    try (DirectoryLock held = DirectoryLock.acquire(out, "imb compare")) {
      org.assertj.core.api.Assertions.assertThatThrownBy(() -> DirectoryLock.acquire(out, "imb train"))
          .isInstanceOf(DataException.class).hasMessageStartingWith(out + " is in use by another run (imb compare, pid "
              + ProcessHandle.current().pid() + ", since ");
      CliRun.expectOneLine(1, "imb: " + out + " is in use by another run (imb compare", "compare", "builtin:glass",
          "--folds", "2", "--out", out.toString());
    }
  }
}
