package org.imbalanced4j.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.imbalanced4j.DataException;
import org.imbalanced4j.InvalidOptionException;
import org.imbalanced4j.data.ColumnType;
import org.imbalanced4j.data.Dataset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvDatasetReaderTest {
  @TempDir Path dir;

  private Path file(String name, String content) throws IOException {
    Path p = dir.resolve(name);
    Files.writeString(p, content, StandardCharsets.UTF_8);
    return p;
  }

  private Dataset read(Path p) {
    return Datasets.read(p.toString(), ReadOptions.defaults());
  }

  private Dataset read(Path p, ReadOptions o) {
    return Datasets.read(p.toString(), o);
  }

  @Test
  void readsNumbersLabelsAndSortsNumericClassesByValue() throws IOException {
    Dataset d = read(file("a.csv", "x,y,label\n1,2.5,10\n3,-4e-2,2\n5,6,10\n"));
    assertThat(d.rows()).isEqualTo(3);
    assertThat(d.schema().featureNames()).containsExactly("x", "y");
    assertThat(d.schema().classNames()).containsExactly("2", "10");
    assertThat(d.labels()).containsExactly(1, 0, 1);
    assertThat(d.value(1, 1)).isEqualTo(-0.04f);
  }

  @Test
  void targetIsLabelOrClassElseLastOrAsNamed() throws IOException {
    Path p = file("t.csv", "Class,a,b\nx,1,2\ny,3,4\n");
    assertThat(read(p).schema().targetName()).isEqualTo("Class");
    Path q = file("u.csv", "a,b,outcome\n1,2,x\n3,4,y\n");
    assertThat(read(q).schema().targetName()).isEqualTo("outcome");
    Dataset byName = read(q, ReadOptions.builder().optTarget("a").build());
    assertThat(byName.schema().targetName()).isEqualTo("a");
    assertThat(byName.schema().featureNames()).containsExactly("b", "outcome");
  }

  @Test
  void aHeaderOfOneColumnHoldingAnotherSeparatorNamesDelimiter() throws IOException {
    Path semi = file("semi.csv", "a;b;class\n1;2;0\n3;4;1\n");
    assertThatThrownBy(() -> read(semi)).isInstanceOf(DataException.class).hasMessage(semi + ": has 1 column; need "
        + "at least one feature and a target; its header contains ';': if that separates the columns, give "
        + "--delimiter ';'");
    assertThatThrownBy(() -> read(semi, ReadOptions.builder().optTarget("class").build()))
        .isInstanceOf(DataException.class).hasMessageEndingWith("give --delimiter ';'");
    assertThatThrownBy(() -> read(file("tabs.csv", "a\tclass\n1\t0\n2\t1\n")))
        .hasMessageEndingWith("its header contains a tab: if that separates the columns, give --delimiter tab");
    assertThatThrownBy(() -> read(file("pipe.csv", "a|class\n1|0\n2|1\n"))).hasMessageEndingWith("--delimiter '|'");
    assertThatThrownBy(() -> read(file("one.csv", "a\n1\n2\n"))).hasMessageEndingWith("one feature and a target");
    Dataset ok = read(semi, ReadOptions.builder().optDelimiter(';').build());
    assertThat(ok.schema().featureNames()).containsExactly("a", "b");
  }

  @Test
  void badQuotingIsOneLineWithTheLine() throws IOException {
    Path row = file("q.csv", "a,b,class\n1,2,x\n\"3\"x,4,y\n");
    assertThatThrownBy(() -> read(row)).isInstanceOf(DataException.class).hasMessage(row + ": line 3: not valid CSV "
        + "(Unexpected character after closing quote: 'x' (0x78))");
    Path header = file("h.csv", "\n\"q,1\";z;label\n1;2;0\n");
    assertThatThrownBy(() -> read(header)).isInstanceOf(DataException.class).hasMessage(header + ": line 2: not "
        + "valid CSV (Unexpected character after closing quote: ';' (0x3b))");
  }

  @Test
  void columnsOfWordsAreCategoricalWithSortedLevels() throws IOException {
    Dataset d = read(file("c.csv", "term,amount,class\nlong,1,a\nshort,2,b\nlong,3,a\nmid,4,b\n"));
    assertThat(d.schema().feature(0).type()).isEqualTo(ColumnType.CATEGORICAL);
    assertThat(d.schema().feature(0).levels()).containsExactly("long", "mid", "short");
    assertThat(d.column(0)).containsExactly(0f, 2f, 0f, 1f);
    assertThat(d.schema().feature(1).type()).isEqualTo(ColumnType.NUMERIC);
  }

  @Test
  void mostlyWordColumnWithANumberKeepsTheNumberAsALevel() throws IOException {
    Dataset d = read(file("m.csv", "g,v,class\nb,1,a\n7,2,b\nc,3,a\nb,4,b\n"));
    assertThat(d.schema().feature(0).levels()).containsExactly("7", "b", "c");
    assertThat(d.column(0)).containsExactly(1f, 0f, 2f, 1f);
  }

  @Test
  void forcedCategoricalColumn() throws IOException {
    Dataset d = read(file("f.csv", "zip,v,class\n10,1,a\n20,2,b\n10,3,a\n"),
        ReadOptions.builder().optCategorical(Set.of("zip")).build());
    assertThat(d.schema().feature(0).isCategorical()).isTrue();
    assertThat(d.schema().feature(0).levels()).containsExactly("10", "20");
  }

  @Test
  void quotedFieldsBomCrlfBlankLinesAndTsv() throws IOException {
    Dataset d = read(file("q.csv", "\uFEFF\"a, b\",c,class\r\n\r\n1,\"2\",\"x\ny\"\r\n3,4,z\r\n"));
    assertThat(d.schema().featureNames()).containsExactly("a, b", "c");
    assertThat(d.schema().classNames()).containsExactly("x\ny", "z");
    Dataset t = read(file("t.tsv", "a\tb\tclass\n1\t2\tx\n3\t4\ty\n"));
    assertThat(t.features()).isEqualTo(2);
    Dataset s = read(file("s.csv", "a;b;class\n1;2;x\n3;4;y\n"),
        ReadOptions.builder().optDelimiter(';').build());
    assertThat(s.value(1, 1)).isEqualTo(4f);
  }

  @Test
  void emptyFileAndHeaderOnly() throws IOException {
    assertThatThrownBy(() -> read(file("e.csv", ""))).isInstanceOf(DataException.class)
        .hasMessageContaining("e.csv").hasMessageContaining("empty");
    assertThatThrownBy(() -> read(file("h.csv", "a,b,class\n\n"))).isInstanceOf(DataException.class)
        .hasMessageContaining("h.csv").hasMessageContaining("no data rows");
  }

  @Test
  void raggedRowNamesTheLine() throws IOException {
    Path p = file("r.csv", "a,b,class\n1,2,x\n\n3,y\n");
    assertThatThrownBy(() -> read(p)).isInstanceOf(DataException.class)
        .hasMessage(p + ", line 4: has 2 fields but the header has 3");
  }

  @Test
  void nonNumericValueNamesLineAndColumn() throws IOException {
    Path p = file("n.csv", "a,b,class\n1,2,x\n3,4,y\n5,abc,x\n7,8,y\n");
    assertThatThrownBy(() -> read(p)).isInstanceOf(DataException.class)
        .hasMessageStartingWith(p + ", line 4, column 2 ('b'): 'abc' is not a number");
  }

  @Test
  void nanAndInfinityAreErrorsWithTheirPlace() throws IOException {
    Path p = file("nan.csv", "a,b,class\n1,2,x\n3,NaN,y\n");
    assertThatThrownBy(() -> read(p)).isInstanceOf(DataException.class)
        .hasMessageStartingWith(p + ", line 3, column 2 ('b'): 'NaN' (NaN) is not a number");
    Path q = file("inf.csv", "a,b,class\n1,2,x\n-inf,4,y\n");
    assertThatThrownBy(() -> read(q)).isInstanceOf(DataException.class)
        .hasMessageStartingWith(q + ", line 3, column 1 ('a'): '-inf' is infinite");
    Path r = file("big.csv", "a,b,class\n1,2,x\n1e39,4,y\n");
    assertThatThrownBy(() -> read(r)).hasMessageContaining("outside the float range");
  }

  @Test
  void missingValuesFailOrAreDropped() throws IOException {
    Path p = file("mv.csv", "a,b,class\n1,2,x\n3,,y\n5,NA,x\n7,8,y\n");
    assertThatThrownBy(() -> read(p)).isInstanceOf(DataException.class)
        .hasMessageStartingWith(p + ", line 3, column 2 ('b'): missing value")
        .hasMessageContaining("--drop-missing");
    Dataset d = read(p, ReadOptions.builder().optDropMissing(true).build());
    assertThat(d.rows()).isEqualTo(2);
    assertThat(d.column(0)).containsExactly(1f, 7f);
  }

  @Test
  void absentTargetAndSingleClass() throws IOException {
    Path p = file("s.csv", "a,b,class\n1,2,x\n3,4,x\n");
    assertThatThrownBy(() -> read(p, ReadOptions.builder().optTarget("nope").build()))
        .isInstanceOf(InvalidOptionException.class)
        .hasMessageContaining("'nope'").hasMessageContaining("a, b, class");
    assertThatThrownBy(() -> read(p)).isInstanceOf(DataException.class)
        .hasMessageContaining("single class").hasMessageContaining("x=2");
  }

  @Test
  void missingFileAndDirectory() {
    assertThatThrownBy(() -> Datasets.read(dir.resolve("none.csv").toString(), ReadOptions.defaults()))
        .isInstanceOf(DataException.class).hasMessageEndingWith("none.csv: no such file");
    assertThatThrownBy(() -> Datasets.read(dir.toString(), ReadOptions.defaults()))
        .isInstanceOf(DataException.class).hasMessageContaining("is a directory");
  }

  /** A file large enough to be read in parallel chunks gives the same table as one thread. */
  @Test
  void parallelChunksEqualOneThreadAndReportGlobalLines() throws IOException {
    Random r = new Random(1);
    StringBuilder sb = new StringBuilder("a,b,c,d,class\n");
    int rows = 250_000;
    for (int i = 0; i < rows; i++) {
      sb.append(r.nextGaussian()).append(',').append(r.nextInt(1000)).append(',')
          .append(r.nextFloat()).append(',').append(i % 7 == 0 ? "u" : "v").append(',')
          .append(i % 10 == 0 ? "rare" : "common").append('\n');
    }
    Path p = file("big.csv", sb.toString());
    assertThat(Files.size(p)).isGreaterThan(8L << 20);
    Dataset one = read(p, ReadOptions.builder().optThreads(1).build());
    Dataset two = read(p, ReadOptions.builder().optThreads(2).build());
    Dataset four = read(p, ReadOptions.builder().optThreads(4).build());
    assertThat(one.rows()).isEqualTo(rows);
    assertThat(two.toRowMajor()).isEqualTo(one.toRowMajor());
    assertThat(four.toRowMajor()).isEqualTo(one.toRowMajor());
    assertThat(two.labels()).isEqualTo(one.labels());
    assertThat(two.schema()).isEqualTo(one.schema());
    assertThat(one.schema().classNames()).containsExactly("common", "rare");

    int badRow = 231_456;
    int at = 0;
    for (int i = 0; i < badRow; i++) {
      at = sb.indexOf("\n", at) + 1;
    }
    String bad = sb.substring(0, at) + "oops" + sb.substring(sb.indexOf(",", at));
    Path q = file("bad.csv", bad);
    assertThatThrownBy(() -> read(q, ReadOptions.builder().optThreads(2).build()))
        .hasMessageStartingWith(q + ", line " + (badRow + 1) + ", column 1 ('a'): 'oops' is not a number");
  }

  @Test
  void withoutTargetEveryColumnIsAFeature() throws IOException {
    StringBuilder sb = new StringBuilder("a,g,class\n");
    for (int i = 0; i < 100; i++) {
      sb.append(i).append(',').append(i % 2 == 0 ? "x" : "y").append(',').append(2 * i).append('\n');
    }
    Dataset d = read(file("nt.csv", sb.toString()),
        ReadOptions.builder().optWithoutTarget(true).optMinClasses(1).build());
    assertThat(d.schema().featureNames()).containsExactly("a", "g", "class");
    assertThat(d.schema().feature(1).isCategorical()).isTrue();
    assertThat(d.rows()).isEqualTo(100);
    assertThat(d.value(99, 2)).isEqualTo(198f);
    assertThat(d.labels()).containsOnly(0);
  }

  @Test
  void headerOnlyColumnNamesAreTrimmed() throws IOException {
    Dataset d = read(file("w.csv", " a , b ,class\n1,2,x\n3,4,y\n"));
    assertThat(d.schema().featureNames()).isEqualTo(List.of("a", "b"));
  }
}
