package org.imbalanced4j.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class InspectCommandTest {
  private static final ObjectMapper OM = new ObjectMapper();
  /** The shared data collection beside the repository (present on developer machines and CI). */
  private static final Path SHARED = Path.of("..", "..", "shared", "datasets");

  @Test
  void noArgumentInspectsTheDemo() {
    CliRun r = CliRun.of("inspect");
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).contains("builtin:satimage").contains("6,435 rows")
        .contains("Imbalance ratio (majority/minority): 9.28").contains("minority");
  }

  @Test
  void jsonHasRowsFeaturesClassesAndRatio() throws IOException {
    CliRun r = CliRun.of("inspect", "builtin:lending_club", "--json");
    assertThat(r.exit()).as(r.err()).isZero();
    JsonNode j = OM.readTree(r.out());
    assertThat(j.get("rows").asInt()).isEqualTo(9857);
    assertThat(j.get("features")).hasSize(22);
    assertThat(j.get("features").get(1).get("type").asText()).isEqualTo("categorical");
    assertThat(j.get("classes").get("bad").asInt()).isEqualTo(517);
    assertThat(j.get("imbalance_ratio").asDouble()).isCloseTo(9340.0 / 517, org.assertj.core.data.Offset.offset(1e-12));
  }

  static Stream<Arguments> sharedCsvs() throws IOException {
    if (!Files.isDirectory(SHARED)) {
      return Stream.of(Arguments.of("(shared/ not present)", Map.of()));
    }
    String readme = Files.readString(SHARED.resolve("README.md"));
    List<Arguments> out = new ArrayList<>();
    Matcher section = Pattern.compile("## (\\w+\\.csv)[^\\n]*\\n(?s)(.*?)(?=\\n## |\\z)").matcher(readme);
    while (section.find()) {
      Matcher cc = Pattern.compile("Class counts: ([^\\n]+)").matcher(section.group(2));
      if (cc.find()) {
        Map<String, Integer> m = new LinkedHashMap<>();
        for (String part : cc.group(1).split(",\\s*")) {
          String[] kv = part.strip().split("\\s+");
          m.put(kv[0], Integer.parseInt(kv[1]));
        }
        out.add(Arguments.of(section.group(1), m));
      }
    }
    return out.stream();
  }

  /** {@code imb inspect} on every CSV of the shared collection prints the counts its README lists. */
  @ParameterizedTest(name = "{0}")
  @MethodSource("sharedCsvs")
  void sharedDataSetsHaveTheirReadmeCounts(String name, Map<String, Integer> counts) throws IOException {
    assumeTrue(!counts.isEmpty(), "shared/datasets is not beside the repository");
    CliRun r = CliRun.of("inspect", SHARED.resolve(name).toString(), "--json");
    assertThat(r.exit()).as(r.err()).isZero();
    Map<String, Integer> got = new LinkedHashMap<>();
    OM.readTree(r.out()).get("classes").fields().forEachRemaining(e -> got.put(e.getKey(), e.getValue().asInt()));
    assertThat(got).containsExactlyInAnyOrderEntriesOf(counts);
  }

  @Test
  void helpOnEveryCommand() {
    for (String[] args : new String[][] {{"--help"}, {"inspect", "--help"}, {"help", "inspect"}}) {
      CliRun r = CliRun.of(args);
      assertThat(r.exit()).isZero();
      assertThat(r.out()).contains("Usage:");
    }
  }
}
