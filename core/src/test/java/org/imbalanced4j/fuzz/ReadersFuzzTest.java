package org.imbalanced4j.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.imbalanced4j.DataException;
import org.imbalanced4j.InvalidOptionException;
import org.imbalanced4j.experiment.ResultStore;
import org.imbalanced4j.images.Idx;
import org.imbalanced4j.images.ImageFolder;
import org.imbalanced4j.io.AtomicFiles;
import org.imbalanced4j.io.Datasets;
import org.imbalanced4j.io.ReadOptions;
import org.imbalanced4j.model.io.ModelDirectory;

/**
 * Every reader of the core module under coverage-guided fuzzing (Jazzer): whatever the bytes, the
 * reader loads them or throws the project's own error with a message (a {@link DataException}, or
 * an {@link InvalidOptionException} for what the user chose); never another exception, a hang or
 * an out-of-memory error from a size a header declares.
 *
 * <p>In a plain test run ({@code mvn test}) each target replays its committed corpus, {@code
 * src/test/resources/org/imbalanced4j/fuzz/ReadersFuzzTestInputs/<target>/}; {@code
 * scripts/fuzz.sh} fuzzes each for a while ({@code JAZZER_FUZZ=1}), and a finding lands in that
 * folder as a new corpus entry for the fix to be tested against.
 */
class ReadersFuzzTest {
  private static final Path SCRATCH;

  static {
    try {
      SCRATCH = Files.createTempDirectory("imb-fuzz-");
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      try {
        AtomicFiles.deleteTree(SCRATCH);
      } catch (IOException ignored) {
        // a temporary directory
      }
    }));
  }

  /** Runs {@code read}; only the project's own errors, with a message, may come out. */
  static void ownErrorsOnly(ThrowingRunnable read) throws Exception {
    try {
      read.run();
    } catch (DataException | InvalidOptionException e) {
      assertThat(e.getMessage()).isNotBlank();
      assertThat(e.getMessage().lines().count()).as(e.getMessage()).isEqualTo(1);
    }
  }

  /** Something that reads. */
  @FunctionalInterface
  interface ThrowingRunnable {
    void run() throws Exception;
  }

  private static Path file(String name, byte[] data) throws IOException {
    Path f = SCRATCH.resolve(name);
    Files.createDirectories(f.getParent());
    Files.write(f, data);
    return f;
  }

  private static void table(String name, byte[] data) throws Exception {
    Path f = file(name, data);
    ownErrorsOnly(() -> Datasets.read(f.toString(), ReadOptions.defaults()));
  }

  @FuzzTest(maxDuration = "10m")
  void csv(byte[] data) throws Exception {
    table("t.csv", data);
  }

  @FuzzTest(maxDuration = "10m")
  void arff(byte[] data) throws Exception {
    table("t.arff", data);
  }

  @FuzzTest(maxDuration = "10m")
  void libsvm(byte[] data) throws Exception {
    table("t.libsvm", data);
  }

  @FuzzTest(maxDuration = "10m")
  void idx(byte[] data) throws Exception {
    Path f = file("t-idx3-ubyte", data);
    ownErrorsOnly(() -> Idx.read(f));
  }

  /** One fuzzed image, PNG or JPEG by its name, beside a valid one of another class. */
  @FuzzTest(maxDuration = "10m")
  void image(FuzzedDataProvider in) throws Exception {
    boolean png = in.consumeBoolean();
    int side = in.consumeInt(1, 40);
    Path dir = SCRATCH.resolve("images");
    AtomicFiles.deleteTree(dir);
    file("images/a/x." + (png ? "png" : "jpg"), in.consumeRemainingAsBytes());
    try (InputStream ok = ReadersFuzzTest.class.getResourceAsStream("valid.png")) {
      Files.createDirectories(dir.resolve("b"));
      Files.copy(ok, dir.resolve("b/y.png"), StandardCopyOption.REPLACE_EXISTING);
    }
    ownErrorsOnly(() -> ImageFolder.read(dir, new int[] {side, side}));
  }

  /** A saved model's {@code model.json} replaced by the input, its other files valid. */
  @FuzzTest(maxDuration = "10m")
  void modelJson(byte[] data) throws Exception {
    Path dir = validModel("json-model");
    Files.write(dir.resolve("model.json"), data);
    ownErrorsOnly(() -> ModelDirectory.load(dir));
  }

  /** A saved k-nearest-neighbour model's binary rows replaced by the input. */
  @FuzzTest(maxDuration = "10m")
  void modelBinary(byte[] data) throws Exception {
    Path dir = validModel("binary-model");
    Files.write(dir.resolve("rows.bin"), data);
    ownErrorsOnly(() -> ModelDirectory.load(dir).model());
  }

  /** A results store of {@code imb compare} replaced by the input, then read as a rerun does. */
  @FuzzTest(maxDuration = "10m")
  void resultStore(byte[] data) throws Exception {
    Path f = file("store/results.sqlite", data);
    Files.deleteIfExists(SCRATCH.resolve("store/results.sqlite-wal"));
    Files.deleteIfExists(SCRATCH.resolve("store/results.sqlite-shm"));
    ownErrorsOnly(() -> {
      try (ResultStore s = new ResultStore(f, FuzzSeeds.RUN)) {
        s.count();
        s.get(FuzzSeeds.CANDIDATE, 0, 0);
      }
    });
  }

  /** A copy of the committed k-nearest-neighbour model directory (model.json + rows.bin). */
  private static Path validModel(String name) throws IOException {
    Path dir = SCRATCH.resolve(name);
    Files.createDirectories(dir);
    for (String f : new String[] {"model.json", "rows.bin"}) {
      try (InputStream in = ReadersFuzzTest.class.getResourceAsStream("model/" + f)) {
        Files.copy(in, dir.resolve(f), StandardCopyOption.REPLACE_EXISTING);
      }
    }
    return dir;
  }
}
