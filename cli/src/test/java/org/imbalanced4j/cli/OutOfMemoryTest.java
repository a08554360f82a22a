package org.imbalanced4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Running out of memory is an {@link OutOfMemoryError}, which picocli does not hand to imb's error
 * handler: without imb's own catch the user saw a stack trace. A forest of about 54 MB predicted in
 * a JVM of 32 MB says so in one line, exits 1 and writes nothing.
 */
class OutOfMemoryTest {
  @TempDir Path dir;

  @Test
  void aModelTooLargeForTheHeapIsOneLine() throws Exception {
    Path data = dir.resolve("noise.csv");
    StringBuilder csv = new StringBuilder("a,b,c,d,class\n");
    SplittableRandom r = new SplittableRandom(5);
    for (int i = 0; i < 3000; i++) {
      csv.append(r.nextDouble()).append(',').append(r.nextDouble()).append(',').append(r.nextDouble()).append(',')
          .append(r.nextDouble()).append(',').append(r.nextInt(2)).append('\n'); // noise: deep, wide trees
    }
    Files.writeString(data, csv);
    Path model = dir.resolve("model");
    CliRun t = CliRun.of("train", data.toString(), "--model", "forest", "--param", "n_estimators=1200", "--val-split",
        "0", "--out", model.toString());
    assertThat(t.exit()).as(t.err()).isZero();
    assertThat(Files.size(model.resolve("trees.bin"))).isGreaterThan(40L << 20);

    Path pred = dir.resolve("pred.csv");
    Path log = dir.resolve("predict.log");
    Process p = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx32m", "-cp", System.getProperty("java.class.path"), "org.imbalanced4j.cli.Imb", "predict",
        model.toString(), data.toString(), "--out", pred.toString()))
        .redirectErrorStream(true).redirectOutput(log.toFile()).start();
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    String said = Files.readString(log, StandardCharsets.UTF_8).strip();
    assertThat(p.exitValue()).as(said).isEqualTo(1);
    assertThat(said).isEqualTo("imb: out of memory; give the JVM more with IMB_JAVA_OPTS=-Xmx8g");
    assertThat(pred).doesNotExist();
  }
}
