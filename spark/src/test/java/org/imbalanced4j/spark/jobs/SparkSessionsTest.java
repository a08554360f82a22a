package org.imbalanced4j.spark.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.spark.sql.SparkSession;
import org.imbalanced4j.InvalidOptionException;
import org.imbalanced4j.spark.TestSpark;
import org.imbalanced4j.spark.data.Labels;
import org.junit.jupiter.api.Test;

/** One progress line per finished stage, named by what the stage does; a bad master is one line. */
class SparkSessionsTest {
  @Test
  void aLinePerStageNamedByItsWork() throws InterruptedException {
    TestSpark.session();
    List<String> lines = new CopyOnWriteArrayList<>();
    SparkSession s = SparkSessions.start("local[2]", false, lines::add);
    Labels.of(TestSpark.blobs(new int[] {30, 10}, 2, 2, 1), "label");
    for (int i = 0; i < 100 && lines.stream().noneMatch(l -> l.contains("find the classes")); i++) {
      Thread.sleep(50); // the listener bus delivers asynchronously
    }
    assertThat(s).isSameAs(TestSpark.session());
    assertThat(lines).anySatisfy(l -> assertThat(l).matches("spark: stage \\d+ find the classes: \\d+ tasks? in "
        + "\\d+\\.\\d s"));
    assertThatThrownBy(() -> SparkSessions.start("localhost", false, null)).isInstanceOf(InvalidOptionException.class)
        .hasMessageStartingWith("--spark localhost is not a master");
  }
}
