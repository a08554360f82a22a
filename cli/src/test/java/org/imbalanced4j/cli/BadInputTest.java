package org.imbalanced4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each bad input: one line on stderr naming the place, the right exit code, no stack trace. */
class BadInputTest {
  @TempDir Path dir;

  private String file(String name, String content) throws IOException {
    Path p = dir.resolve(name);
    Files.writeString(p, content);
    return p.toString();
  }

  private static void assertOneLine(CliRun r, int exit, String... parts) {
    assertThat(r.exit()).as(r.err()).isEqualTo(exit);
    assertThat(r.err().strip()).as("one line").doesNotContain("\n");
    assertThat(r.err()).startsWith("imb: ").doesNotContain("\tat ").doesNotContain("Exception");
    for (String p : parts) {
      assertThat(r.err()).contains(p);
    }
    assertThat(r.out()).isEmpty();
  }

  @Test
  void missingFile() {
    String f = dir.resolve("nope.csv").toString();
    assertOneLine(CliRun.of("inspect", f), 1, f + ": no such file");
  }

  @Test
  void emptyFile() throws IOException {
    String f = file("empty.csv", "");
    assertOneLine(CliRun.of("inspect", f), 1, f + ": the file is empty");
  }

  @Test
  void headerOnly() throws IOException {
    String f = file("header.csv", "a,b,class\n");
    assertOneLine(CliRun.of("inspect", f), 1, f + ": has a header but no data rows");
  }

  @Test
  void raggedRow() throws IOException {
    String f = file("ragged.csv", "a,b,class\n1,2,x\n3,4,y,9\n");
    assertOneLine(CliRun.of("inspect", f), 1, f + ", line 3: has 4 fields but the header has 3");
  }

  @Test
  void nonNumericValue() throws IOException {
    String f = file("text.csv", "a,b,class\n1,2,x\n3,4,y\n5,six,x\n");
    assertOneLine(CliRun.of("inspect", f), 1, f + ", line 4, column 2 ('b'): 'six' is not a number");
  }

  @Test
  void nanValue() throws IOException {
    String f = file("nan.csv", "a,b,class\n1,2,x\nnan,4,y\n");
    assertOneLine(CliRun.of("inspect", f), 1, f + ", line 3, column 1 ('a'): 'nan' (NaN) is not a number");
  }

  @Test
  void infiniteValue() throws IOException {
    String f = file("inf.csv", "a,b,class\n1,2,x\n3,Infinity,y\n");
    assertOneLine(CliRun.of("inspect", f), 1, f + ", line 3, column 2 ('b'): 'Infinity' is infinite");
  }

  @Test
  void targetColumnAbsent() throws IOException {
    String f = file("t.csv", "a,b,class\n1,2,x\n3,4,y\n");
    assertOneLine(CliRun.of("inspect", f, "--target", "Outcome"), 2,
        "target column 'Outcome' is not in " + f, "columns: a, b, class");
  }

  @Test
  void singleClass() throws IOException {
    String f = file("one.csv", "a,b,class\n1,2,x\n3,4,x\n");
    assertOneLine(CliRun.of("inspect", f), 1, f + ": the target column 'class' has a single class");
  }

  @Test
  void unknownOption() {
    assertOneLine(CliRun.of("inspect", "--frobnicate"), 2, "Unknown option: '--frobnicate'",
        "imb inspect --help");
  }

  @Test
  void unknownCommand() {
    assertOneLine(CliRun.of("frobnicate"), 2, "unknown command 'frobnicate'; commands: inspect");
  }

  @Test
  void unknownBuiltinDataSet() {
    assertOneLine(CliRun.of("inspect", "builtin:nope"), 2, "unknown built-in data set 'nope'",
        "builtin:satimage");
  }

  @Test
  void debugShowsTheStackTrace() {
    CliRun r = CliRun.of("inspect", dir.resolve("nope.csv").toString(), "--debug");
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.err()).contains("\tat ").contains("no such file");
  }
}
