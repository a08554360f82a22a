package org.imbalanced4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kill -9} during training, then {@code --resume}: the model ends with the same parameters
 * as an uninterrupted run with the same seed.
 */
class KillResumeTest {
  /** Enough epochs (about 10 s) that the kill, sent after the third, lands during training. */
  private static final int EPOCHS = 30;

  @TempDir Path dir;

  private Process start(Path out, boolean resume) throws IOException {
    List<String> cmd = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), "org.imbalanced4j.cli.Imb",
        "train", "builtin:satimage", "--loss", "focal", "--epochs", String.valueOf(EPOCHS), "--batch-size", "64",
        "--patience", "100", "--seed", "5", "--out", out.toString()));
    if (resume) {
      cmd.add("--resume");
    }
    return new ProcessBuilder(cmd).redirectErrorStream(true)
        .redirectOutput(dir.resolve(out.getFileName() + (resume ? ".resume.log" : ".log")).toFile()).start();
  }

  /** The model directory's epoch history without the timings. */
  private static List<String> epochs(Path model) throws IOException {
    return Files.readAllLines(model.resolve("history.jsonl")).stream()
        .map(l -> l.replaceAll(",\"seconds\".*", "")).toList();
  }

  @Test
  void killedAndResumedEqualsUninterrupted() throws Exception {
    Path whole = dir.resolve("whole");
    Process w = start(whole, false);
    assertThat(w.waitFor(300, TimeUnit.SECONDS)).isTrue();
    assertThat(w.exitValue()).as(Files.readString(dir.resolve("whole.log"))).isZero();

    Path cut = dir.resolve("cut");
    Process c = start(cut, false);
    Path log = cut.resolve("log.jsonl");
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(300);
    while (System.nanoTime() < deadline
        && (!Files.exists(log) || Files.readAllLines(log).size() < 3)) {
      Thread.sleep(20);
    }
    c.destroyForcibly(); // SIGKILL: no shutdown hook, no cleanup
    c.waitFor(60, TimeUnit.SECONDS);
    assertThat(Files.readAllLines(log).size()).as("epochs trained before the kill").isLessThan(EPOCHS);
    assertThat(Files.exists(cut.resolve("params.bin"))).as("killed before the end").isFalse();

    Process r = start(cut, true);
    assertThat(r.waitFor(300, TimeUnit.SECONDS)).isTrue();
    assertThat(r.exitValue()).as(Files.readString(dir.resolve("cut.resume.log"))).isZero();
    assertThat(epochs(cut)).as("epoch histories (killed after %s epochs)", Files.readAllLines(log).size())
        .isEqualTo(epochs(whole));
    assertThat(Files.readAllBytes(cut.resolve("params.bin"))).isEqualTo(Files.readAllBytes(whole.resolve("params.bin")));
    assertThat(Files.readAllLines(cut.resolve("history.jsonl"))).hasSize(EPOCHS);
  }
}
