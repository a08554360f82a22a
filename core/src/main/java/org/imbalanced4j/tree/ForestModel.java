package org.imbalanced4j.tree;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.imbalanced4j.data.Dataset;
import org.imbalanced4j.data.Schema;
import org.imbalanced4j.model.Model;
import org.imbalanced4j.model.Provenance;
import org.imbalanced4j.model.Standardizer;
import org.imbalanced4j.model.io.ModelFormat;
import org.imbalanced4j.model.io.ModelWriter;

/**
 * A fitted tree or forest: the inputs made as for every learner of tables ({@link Standardizer}:
 * numeric columns as z-scores, which leave a tree's splits unchanged, categories one-hot) and the
 * trees. A row's probability of class c is the mean over the trees of its leaf's share of class c,
 * {@code p_c(x) = (1/T) sum_t v_t(leaf_t(x))_c}, as scikit-learn's forests average {@code
 * predict_proba}. Immutable; scores on all cores.
 */
public final class ForestModel implements Model {
  /** Reads {@code forest} models: the standardizer in {@code model.json}, the trees in {@code trees.bin}. */
  public static final ModelFormat FORMAT = ModelFormat.of("forest", in -> {
    Standardizer std = Standardizer.read(in.get("standardizer"));
    int classes = in.schema().classCount();
    DataInputStream d = new DataInputStream(new ByteArrayInputStream(in.read("trees.bin")));
    int n = d.readInt();
    if (n <= 0 || n > 1_000_000) {
      throw in.error("trees.bin holds " + n + " trees");
    }
    Tree[] trees = new Tree[n];
    try {
      for (int t = 0; t < n; t++) {
        trees[t] = Tree.read(d, classes, std.width());
      }
    } catch (java.io.EOFException e) {
      throw in.error("trees.bin ends early");
    } catch (IOException e) {
      throw in.error("trees.bin: " + e.getMessage());
    }
    return new ForestModel(in.schema(), std, List.of(trees),
        new Provenance(in.get("trainer").asText(), Map.of(), 0, "saved"));
  });

  private final Schema schema;
  private final Standardizer std;
  private final List<Tree> trees;
  private final Provenance provenance;

  ForestModel(Schema schema, Standardizer std, List<Tree> trees, Provenance provenance) {
    if (trees.isEmpty()) {
      throw new IllegalArgumentException("a forest of no trees");
    }
    this.schema = schema;
    this.std = std;
    this.trees = List.copyOf(trees);
    this.provenance = provenance;
  }

  /** The trees, in the order they were grown. */
  public List<Tree> trees() {
    return trees;
  }

  @Override
  public double[][] predictProba(Dataset data) {
    float[] x = std.transform(data);
    int width = std.width();
    int k = schema.classCount();
    double[][] out = new double[data.rows()][k];
    double share = 1.0 / trees.size();
    int block = 1024;
    IntStream.range(0, (data.rows() + block - 1) / block).parallel().forEach(b -> {
      int end = Math.min(out.length, (b + 1) * block);
      for (Tree t : trees) {
        for (int i = b * block; i < end; i++) {
          t.addProba(x, i * width, share, out[i]);
        }
      }
    });
    return out;
  }

  @Override
  public Schema schema() {
    return schema;
  }

  @Override
  public Provenance provenance() {
    return provenance;
  }

  @Override
  public String kind() {
    return "forest";
  }

  @Override
  public void save(ModelWriter out) throws IOException {
    out.put("trainer", provenance.trainer());
    out.put("standardizer", std.toMap());
    out.put("trees", trees.size());
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream d = new DataOutputStream(bytes)) {
      d.writeInt(trees.size());
      for (Tree t : trees) {
        t.write(d);
      }
    }
    out.write("trees.bin", bytes.toByteArray());
  }
}
