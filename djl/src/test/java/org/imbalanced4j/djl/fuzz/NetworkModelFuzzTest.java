package org.imbalanced4j.djl.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.imbalanced4j.DataException;
import org.imbalanced4j.InvalidOptionException;
import org.imbalanced4j.catalog.Param;
import org.imbalanced4j.catalog.Params;
import org.imbalanced4j.data.Dataset;
import org.imbalanced4j.djl.training.NetworkConfig;
import org.imbalanced4j.djl.training.NeuralTrainer;
import org.imbalanced4j.io.AtomicFiles;
import org.imbalanced4j.io.Datasets;
import org.imbalanced4j.io.ReadOptions;
import org.imbalanced4j.model.io.ModelDirectory;

/**
 * A saved network's {@code params.bin} (DJL's parameter format) under coverage-guided fuzzing
 * (Jazzer), read as {@code imb predict} reads a model directory: whatever the bytes, the directory
 * loads and scores rows, or the load is the project's own one-line data error; never another
 * exception, a crash of the engine or an allocation of what a damaged size field declares.
 *
 * <p>{@code mvn test} replays the committed corpus ({@code NetworkModelFuzzTestInputs/params/});
 * {@code scripts/fuzz.sh} fuzzes it; {@link #main} writes the seed (a valid file of this model).
 */
class NetworkModelFuzzTest {
  private static final Path SCRATCH;
  private static final Dataset ROWS;

  static {
    try {
      SCRATCH = Files.createTempDirectory("imb-fuzz-");
      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
        try {
          AtomicFiles.deleteTree(SCRATCH);
        } catch (IOException ignored) {
          // a temporary directory
        }
      }));
      Dataset d = Datasets.read("builtin:ionosphere", ReadOptions.defaults());
      ROWS = d.subset(new int[] {0, 1, 2, 3});
      Map<String, String> p = Map.of("epochs", "1", "batch_size", "32", "hidden", "4");
      NeuralTrainer t = new NeuralTrainer("mlp", NetworkConfig.parse("mlp",
          new Params("mlp", p, NetworkConfig.PARAMS.stream().map(Param::name).toList())));
      ModelDirectory.save(SCRATCH.resolve("valid"), t.fit(d, d, 0), null, Map.of(), d);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The model's params.bin replaced by the input, then loaded and used as imb predict does. */
  @FuzzTest(maxDuration = "10m")
  void params(byte[] data) throws Exception {
    Path dir = SCRATCH.resolve("fuzzed");
    Files.createDirectories(dir);
    Files.copy(SCRATCH.resolve("valid/model.json"), dir.resolve("model.json"),
        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    Files.write(dir.resolve("params.bin"), data);
    try {
      double[][] p = ModelDirectory.load(dir).model().predictProba(ROWS);
      assertThat(p).hasNumberOfRows(ROWS.rows());
    } catch (DataException | InvalidOptionException e) {
      assertThat(e.getMessage()).isNotBlank();
      assertThat(e.getMessage().lines().count()).as(e.getMessage()).isEqualTo(1);
    }
  }

  /** Writes the seed corpus: the valid params.bin, and the same cut short. */
  public static void main(String[] args) throws IOException {
    Path out = Path.of(args[0]);
    Files.createDirectories(out);
    byte[] valid = Files.readAllBytes(SCRATCH.resolve("valid/params.bin"));
    Files.write(out.resolve("valid"), valid);
    Files.write(out.resolve("truncated"), java.util.Arrays.copyOf(valid, valid.length / 2));
  }
}
