package org.imbalanced4j.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.imbalanced4j.data.Dataset;
import org.imbalanced4j.io.Datasets;
import org.imbalanced4j.io.ReadOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StandardizerTest {
  @TempDir Path dir;

  @Test
  void numericColumnsComeFirstThenTheOneHotColumnsAsAColumnTransformerLaysThemOut() throws Exception {
    Path f = dir.resolve("mixed.csv");
    Files.writeString(f, "color,size,shape,weight,class\n"
        + "red,1,a,10,x\nblue,2,b,20,y\nred,3,c,30,x\nblue,4,a,40,y\n");
    Dataset d = Datasets.read(f.toString(), ReadOptions.defaults());
    Standardizer s = Standardizer.fit(d);
    // inputs: color (0, 1), size (2), shape (3, 4, 5), weight (6)
    assertThat(s.width()).isEqualTo(7);
    assertThat(s.numericFirst()).containsExactly(2, 6, 0, 1, 3, 4, 5);
  }
}
