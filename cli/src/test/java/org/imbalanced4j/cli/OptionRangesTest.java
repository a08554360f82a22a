package org.imbalanced4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Every numeric option of every command, found from the command tree (a new option is walked
 * without being listed here), given 0, -1 and a huge value: the command either runs or says what
 * is wrong in one line with exit 1 or 2; no internal exception reaches the user.
 */
class OptionRangesTest {
  @TempDir Path dir;

  private static final Set<Class<?>> NUMERIC = Set.of(int.class, long.class, double.class, float.class,
      Integer.class, Long.class, Double.class, Float.class);

  private static boolean numeric(OptionSpec o) {
    Class<?> t = o.type();
    if (NUMERIC.contains(t) || t.isArray() && NUMERIC.contains(t.getComponentType())) {
      return true;
    }
    Class<?>[] aux = o.auxiliaryTypes();
    return List.class.isAssignableFrom(t) && aux.length > 0 && NUMERIC.contains(aux[0]);
  }

  private static String huge(OptionSpec o) {
    Class<?> t = o.type().isArray() ? o.type().getComponentType()
        : List.class.isAssignableFrom(o.type()) ? o.auxiliaryTypes()[0] : o.type();
    if (t == int.class || t == Integer.class) {
      return Integer.toString(Integer.MAX_VALUE);
    }
    if (t == long.class || t == Long.class) {
      return Long.toString(Long.MAX_VALUE);
    }
    return "1e300";
  }

  @Test
  void everyNumericOptionIsValidatedOrWorks() throws IOException {
    Path data = dir.resolve("d.csv");
    Files.writeString(data, ChainTest.table(60, 9, true, "CA", "NY"));
    Path pred = dir.resolve("p.csv");
    Files.writeString(pred, "proba_bad,proba_good,predicted,class\n0.8,0.2,bad,bad\n0.3,0.7,good,good\n"
        + "0.6,0.4,bad,good\n0.1,0.9,good,good\n0.4,0.6,good,bad\n");
    Path grid = dir.resolve("grid.yaml");
    Files.writeString(grid, "samplers: [none]\nlearners:\n  - logistic: {}\nthresholds: [argmax]\n");
    Map<String, List<String>> base = Map.of(
        "inspect", List.of(data.toString()),
        "resample", List.of(data.toString(), "--method", "RandomUnderSampler", "--out", dir.resolve("r.csv").toString()),
        "train", List.of(data.toString(), "--epochs", "2", "--batch-size", "32", "--out", dir.resolve("m").toString()),
        "evaluate", List.of(pred.toString()),
        "compare", List.of(data.toString(), "--grid", grid.toString(), "--folds", "2", "--no-race", "--out",
            dir.resolve("c").toString()),
        "detect", List.of(data.toString(), "--out", dir.resolve("d.csv").toString()));
    CommandLine imb = Imb.commandLine();
    int walked = 0;
    for (Map.Entry<String, CommandLine> sub : imb.getSubcommands().entrySet()) {
      List<String> args = base.get(sub.getKey());
      for (OptionSpec o : sub.getValue().getCommandSpec().options()) {
        if (!numeric(o)) {
          continue;
        }
        assertThat(args).as("base arguments of " + sub.getKey()).isNotNull();
        for (String v : new String[] {"0", "-1", huge(o)}) {
          List<String> a = new ArrayList<>();
          a.add(sub.getKey());
          int at = args.indexOf(o.longestName());
          for (int i = 0; i < args.size(); i++) {
            if (at >= 0 && (i == at || i == at + 1)) {
              continue;
            }
            a.add(args.get(i));
          }
          a.add(o.longestName() + "=" + v);
          CliRun r = CliRun.of(a.toArray(new String[0]));
          String what = String.join(" ", a) + " -> " + r.exit() + ": " + r.err();
          assertThat(r.exit()).as(what).isBetween(0, 2);
          assertThat(r.err()).as(what).doesNotContain("internal error").doesNotContain("Exception");
          if (r.exit() != 0) {
            assertThat(r.err().strip().lines().count()).as(what).isEqualTo(1);
            assertThat(r.err()).as(what).startsWith("imb: ");
          }
          walked++;
        }
      }
    }
    assertThat(walked).as("numeric options walked x 3").isGreaterThanOrEqualTo(3 * 12);
  }

  @Test
  void outOfRangeValuesNameTheOptionAndItsRange() {
    CliRun r = CliRun.of("train", "builtin:glass", "--epochs", "0", "--out", dir.resolve("x").toString());
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).isEqualTo("imb: --epochs must be between 1 and 100000, got 0\n");
    CliRun b = CliRun.of("train", "builtin:glass", "--batch-size", "0", "--out", dir.resolve("y").toString());
    assertThat(b.err()).contains("--batch-size must be between 1");
    assertThat(dir.resolve("y").resolve("model.json")).doesNotExist();
    assertThat(CliRun.of("train", "builtin:glass", "--lr", "-1", "--out", dir.resolve("z").toString()).err())
        .contains("--lr must be above 0");
    assertThat(CliRun.of("compare", "builtin:glass", "--repeats", "0", "--out", dir.resolve("c").toString()).err())
        .contains("--repeats must be between 1");
    assertThat(CliRun.of("evaluate", "x.csv", "--bootstrap", "-5").err()).contains("--bootstrap must be between 0");
  }
}
