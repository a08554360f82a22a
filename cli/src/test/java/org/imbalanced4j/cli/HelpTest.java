package org.imbalanced4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Help that reads whole: {@code imb --help} gives each command a complete sentence (the summary
 * picocli shows is the first line of the description, so a description wrapped by hand was cut
 * mid-sentence), and each command's help says its defaults and shows an example.
 */
class HelpTest {
  @Test
  void everyCommandSummaryIsOneWholeSentence() {
    CliRun r = CliRun.of("--help");
    assertThat(r.exit()).isZero();
    Map<String, String> summaries = summaries(r.out());
    assertThat(summaries.keySet()).contains("inspect", "resample", "train", "predict", "evaluate", "compare",
        "detect");
    summaries.forEach((name, text) -> {
      assertThat(text).as(name).endsWith(".");
      assertThat(text.substring(0, text.length() - 1)).as(name + ": one sentence").doesNotContain(". ");
      assertThat(text.split(" ")).as(name + ": a sentence, not a fragment").hasSizeGreaterThan(5);
    });
  }

  @Test
  void everyCommandHelpShowsItsDefaultsAndAnExample() {
    CommandLine imb = new CommandLine(new Imb());
    for (Map.Entry<String, CommandLine> e : imb.getSubcommands().entrySet()) {
      if (e.getKey().equals("help")) {
        continue;
      }
      CommandSpec spec = e.getValue().getCommandSpec();
      String help = CliRun.of(e.getKey(), "--help").out();
      assertThat(help).as(e.getKey()).containsPattern("Examples?:\\n");
      assertThat(help.substring(help.indexOf("Example"))).as(e.getKey()).contains("imb " + e.getKey() + " ");
      List<String> silent = new ArrayList<>();
      for (OptionSpec o : spec.options()) {
        Object initial = o.initialValue();
        boolean hasDefault = o.defaultValue() != null || (initial != null && !(initial instanceof Boolean)
            && !(initial instanceof java.util.Collection<?> c && c.isEmpty())
            && !(initial instanceof Map<?, ?> m && m.isEmpty()));
        String text = String.join(" ", o.description()).toLowerCase(Locale.ROOT);
        if (hasDefault && !o.usageHelp() && !o.versionHelp() && !text.contains("default")) {
          silent.add(o.longestName() + " (default " + (o.defaultValue() != null ? o.defaultValue() : initial) + ")");
        }
      }
      assertThat(silent).as(e.getKey() + ": options whose help does not say their default").isEmpty();
    }
  }

  /** The command list of {@code imb --help}: name, then its summary with wrapped lines joined. */
  private static Map<String, String> summaries(String help) {
    Map<String, String> out = new LinkedHashMap<>();
    String current = null;
    boolean inCommands = false;
    for (String line : help.lines().toList()) {
      if (line.startsWith("Commands:")) {
        inCommands = true;
      } else if (inCommands && line.matches("  \\S.*")) {
        String[] parts = line.strip().split("\\s+", 2);
        current = parts[0];
        out.put(current, parts[1]);
      } else if (inCommands && current != null && line.startsWith("     ")) {
        out.put(current, out.get(current) + " " + line.strip());
      }
    }
    return out;
  }
}
