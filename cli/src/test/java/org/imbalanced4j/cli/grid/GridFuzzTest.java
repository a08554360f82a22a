package org.imbalanced4j.cli.grid;

import org.imbalanced4j.experiment.Grid;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.imbalanced4j.DataException;
import org.imbalanced4j.InvalidOptionException;
import org.imbalanced4j.data.Dataset;
import org.imbalanced4j.io.Datasets;
import org.imbalanced4j.io.ReadOptions;

/**
 * {@code imb compare --grid FILE} under coverage-guided fuzzing (Jazzer): any bytes as the YAML
 * grid either give a grid or the project's own one-line error, never another exception or a hang.
 * {@code mvn test} replays the corpus in {@code GridFuzzTestInputs/yaml/} (the default grids and
 * what fuzzing found); {@code scripts/fuzz.sh} fuzzes.
 */
class GridFuzzTest {
  private static final Dataset DATA = Datasets.read("builtin:glass", ReadOptions.defaults());
  private static final Path FILE;

  static {
    try {
      FILE = Files.createTempFile("imb-fuzz-grid-", ".yaml");
      FILE.toFile().deleteOnExit();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @FuzzTest(maxDuration = "10m")
  void yaml(byte[] data) throws IOException {
    Files.write(FILE, data);
    try {
      Grid.read(FILE, DATA);
    } catch (DataException | InvalidOptionException e) {
      assertThat(e.getMessage()).isNotBlank();
      assertThat(e.getMessage().lines().count()).as(e.getMessage()).isEqualTo(1);
    }
  }
}
