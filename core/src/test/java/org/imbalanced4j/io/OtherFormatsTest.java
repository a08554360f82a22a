package org.imbalanced4j.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.imbalanced4j.DataException;
import org.imbalanced4j.data.Dataset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OtherFormatsTest {
  @TempDir Path dir;

  private Dataset read(String name, String content) throws IOException {
    Path p = dir.resolve(name);
    Files.writeString(p, content);
    return Datasets.read(p.toString(), ReadOptions.defaults());
  }

  @Test
  void arffDenseAndNominal() throws IOException {
    Dataset d = read("a.arff", """
        % comment
        @relation test
        @attribute width numeric
        @attribute 'the color' {red, green, blue}
        @attribute class {pos, neg}
        @data
        1.5, green, neg
        2, 'blue', pos
        % another
        3, red, neg
        """);
    assertThat(d.rows()).isEqualTo(3);
    assertThat(d.schema().feature(1).name()).isEqualTo("the color");
    assertThat(d.schema().feature(1).levels()).containsExactly("red", "green", "blue");
    assertThat(d.column(1)).containsExactly(1f, 2f, 0f);
    assertThat(d.schema().classNames()).containsExactly("neg", "pos");
  }

  @Test
  void arffSparseRowsAndErrors() throws IOException {
    Dataset d = read("s.arff", """
        @relation s
        @attribute a numeric
        @attribute b numeric
        @attribute class {x, y}
        @data
        {0 4, 2 y}
        {1 2.5}
        """);
    assertThat(d.toRowMajor()).containsExactly(4f, 0f, 0f, 2.5f);
    assertThat(d.labels()).containsExactly(1, 0);
    assertThatThrownBy(() -> read("bad.arff", """
        @relation s
        @attribute a numeric
        @attribute c {u, v}
        @attribute class {x, y}
        @data
        1, u, x
        2, w, y
        """)).isInstanceOf(DataException.class)
        .hasMessageContaining("line 7, column 2 ('c'): 'w' is not one of the declared values");
  }

  @Test
  void libsvmOneBasedAndZeroBased() throws IOException {
    Dataset d = read("a.libsvm", "+1 1:0.5 3:2\n-1 2:1 # c\n\n+1 qid:3 1:1\n");
    assertThat(d.features()).isEqualTo(3);
    assertThat(d.schema().featureNames()).containsExactly("f1", "f2", "f3");
    assertThat(d.toRowMajor()).containsExactly(0.5f, 0, 2, 0, 1, 0, 1, 0, 0);
    assertThat(d.schema().classNames()).containsExactly("-1", "+1");
    assertThat(d.labels()).containsExactly(1, 0, 1);
    Dataset z = read("z.svm", "0 0:1 1:2\n1 1:3\n");
    assertThat(z.schema().featureNames()).containsExactly("f0", "f1");
    assertThatThrownBy(() -> read("e.svm", "1 1:2\n0 x:2\n"))
        .hasMessageContaining("line 2, column 2: index 'x' is not an integer");
  }

  @Test
  void writersRoundTripEveryFormat() throws IOException {
    Dataset d = read("m.csv", "n,g,class\n1.25,b,yes\n-3,a,no\n0.1,b,no\n1e-7,a,yes\n");
    for (String name : new String[] {"out.csv", "out.tsv", "out.arff"}) {
      Path out = dir.resolve(name);
      Datasets.write(d, out);
      Dataset back = Datasets.read(out.toString(), ReadOptions.defaults());
      assertThat(back.toRowMajor()).as(name).isEqualTo(d.toRowMajor());
      assertThat(back.labels()).as(name).isEqualTo(d.labels());
      assertThat(back.schema()).as(name).isEqualTo(d.schema());
    }
    assertThatThrownBy(() -> Datasets.write(d, dir.resolve("x.libsvm")))
        .hasMessageContaining("categorical");
    Dataset num = read("num.csv", "a,b,class\n1.5,0,p\n0,-2,q\n");
    Path out = dir.resolve("out.libsvm");
    assertThat(Datasets.write(num, out)).isEqualTo(dir.resolve("out.libsvm.classes.csv"));
    // numeric class codes, which scikit-learn's load_svmlight_file reads; the names beside them
    assertThat(Files.readString(out)).isEqualTo("0 1:1.5\n1 2:-2\n");
    assertThat(Files.readString(dir.resolve("out.libsvm.classes.csv"))).isEqualTo("code,class\n0,p\n1,q\n");
    Dataset signed = read("s.csv", "a,class\n1.5,-1\n0,+1\n");
    assertThat(Datasets.write(signed, dir.resolve("s.svm"))).isNull();
    assertThat(Files.readString(dir.resolve("s.svm"))).isEqualTo("-1 1:1.5\n+1\n");
  }

  @Test
  void theOutputEndingChoosesTheFormatAndAnUnknownOneIsRefused() throws IOException {
    Dataset d = read("t.csv", "a,b,class\n1,2,x\n3,4,y\n");
    Datasets.write(d, dir.resolve("o.tsv"));
    assertThat(Files.readString(dir.resolve("o.tsv"))).isEqualTo("a\tb\tclass\n1\t2\tx\n3\t4\ty\n");
    for (String bad : new String[] {"o.xlsx", "o.parquet", "o.csv.gz", "noending"}) {
      assertThatThrownBy(() -> Datasets.write(d, dir.resolve(bad))).as(bad)
          .isInstanceOf(org.imbalanced4j.InvalidOptionException.class)
          .hasMessageContaining("known: .csv, .tsv");
      assertThat(dir.resolve(bad)).doesNotExist();
    }
  }

  @Test
  void twoColumnsWithOneNameAreAnError() {
    assertThatThrownBy(() -> read("dup.csv", "a,b,a,class\n1,2,3,x\n4,5,6,y\n"))
        .hasMessageContaining("columns 1 and 3 are both named 'a'");
  }
}
