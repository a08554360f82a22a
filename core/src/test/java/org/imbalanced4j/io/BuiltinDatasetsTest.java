package org.imbalanced4j.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.imbalanced4j.InvalidOptionException;
import org.imbalanced4j.data.Dataset;
import org.junit.jupiter.api.Test;

class BuiltinDatasetsTest {
  /** Class counts as the data sets' README states them ("Class counts: neg 500, pos 268"). */
  static Map<String, Map<String, Long>> readmeCounts() throws IOException {
    Path readme = Path.of("src/main/resources/org/imbalanced4j/datasets/README.md");
    String text = Files.readString(readme);
    Map<String, Map<String, Long>> out = new LinkedHashMap<>();
    Matcher section = Pattern.compile("## (\\w+)\\.csv[^\\n]*\\n(?s)(.*?)(?=\\n## |\\z)").matcher(text);
    while (section.find()) {
      Matcher cc = Pattern.compile("Class counts: ([^\\n]+)").matcher(section.group(2));
      if (cc.find()) {
        Map<String, Long> m = new LinkedHashMap<>();
        for (String part : cc.group(1).split(",\\s*")) {
          String[] kv = part.strip().split("\\s+");
          m.put(kv[0], Long.parseLong(kv[1]));
        }
        out.put(section.group(1), m);
      }
    }
    return out;
  }

  @Test
  void everyBuiltinReadsWithTheCountsItsReadmeStates() throws IOException {
    Map<String, Map<String, Long>> expected = readmeCounts();
    assertThat(expected.keySet()).containsAll(
        BuiltinDatasets.all().stream().map(BuiltinDatasets.Entry::name).toList());
    for (BuiltinDatasets.Entry e : BuiltinDatasets.all()) {
      Dataset d = Datasets.read("builtin:" + e.name(), ReadOptions.defaults());
      assertThat(d.classCounts().asMap()).as(e.name()).containsExactlyInAnyOrderEntriesOf(expected.get(e.name()));
    }
  }

  @Test
  void lendingClubHasItsFiveCategoricalColumns() {
    Dataset d = Datasets.read("builtin:lending_club", ReadOptions.defaults());
    assertThat(d.schema().features().stream().filter(f -> f.isCategorical()).map(f -> f.name()))
        .containsExactly("term", "sub_grade", "addr_state", "verification_status", "emp_length");
  }

  @Test
  void unknownBuiltinListsTheValidOnes() {
    assertThatThrownBy(() -> DataSource.of("builtin:nope"))
        .isInstanceOf(InvalidOptionException.class)
        .hasMessageContaining("builtin:satimage");
  }
}
