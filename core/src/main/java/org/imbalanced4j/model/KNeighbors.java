package org.imbalanced4j.model;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.imbalanced4j.DataException;
import org.imbalanced4j.catalog.Param;
import org.imbalanced4j.data.Dataset;
import org.imbalanced4j.data.Schema;
import org.imbalanced4j.learn.Capability;
import org.imbalanced4j.learn.Learner;
import org.imbalanced4j.model.io.ModelFormat;
import org.imbalanced4j.model.io.ModelWriter;
import org.imbalanced4j.neighbors.NeighborIndex;
import org.imbalanced4j.neighbors.Neighbors;

/**
 * The k-nearest-neighbours classifier, scikit-learn's {@code KNeighborsClassifier} after a {@code
 * StandardScaler} (categorical features one-hot): a row's probability of class c is the share of
 * its {@code n_neighbors} nearest training rows (Euclidean, on the exact {@link NeighborIndex})
 * that are of class c, {@code p_c = sum_{j in N(x), y_j = c} w_j / sum_{j in N(x)} w_j}, with
 * {@code w_j = 1} ({@code weights=uniform}) or {@code w_j = 1 / d(x, x_j)} ({@code
 * weights=distance}; a row at distance 0 from some neighbours takes only those, as scikit-learn
 * does). Cover and Hart, "Nearest neighbor pattern classification", IEEE Trans. Inf. Theory 13,
 * 1967.
 */
public final class KNeighbors implements Trainer {
  /** The catalogue entry. */
  public static final Learner LEARNER = new Learner("knn",
      "k-nearest-neighbours vote on standardised features, as scikit-learn's KNeighborsClassifier after a "
          + "StandardScaler.",
      List.of(new Param("n_neighbors", "5", "neighbours that vote"),
          new Param("weights", "uniform", "uniform | distance (votes weighted by 1 / distance)")),
      Set.of(Capability.TABLE),
      p -> new KNeighbors(p.positive("n_neighbors", 5),
          p.choice("weights", "uniform", List.of("uniform", "distance")).equals("distance")),
      Fitted.FORMAT);

  private final int k;
  private final boolean byDistance;

  /** A trainer with scikit-learn's {@code n_neighbors} and {@code weights='distance'} when {@code byDistance}. */
  public KNeighbors(int nNeighbors, boolean byDistance) {
    if (nNeighbors < 1) {
      throw new IllegalArgumentException("n_neighbors must be at least 1");
    }
    this.k = nNeighbors;
    this.byDistance = byDistance;
  }

  @Override
  public String describe() {
    return "knn(n_neighbors=" + k + (byDistance ? ", weights=distance" : "") + ")";
  }

  @Override
  public Model fit(Dataset train, Dataset validation, long seed) {
    if (train.rows() < k) {
      throw new DataException("knn: n_neighbors=" + k + " is more than the " + train.rows() + " training rows");
    }
    Standardizer std = Standardizer.fit(train);
    return new Fitted(train.schema(), std, std.transform(train), train.labels(), k, byDistance,
        new Provenance(describe(), Map.of("n_neighbors", k, "weights", byDistance ? "distance" : "uniform"), seed,
            train.rows() + " rows"));
  }

  /** A fitted k-NN classifier: the standardised training rows and their classes. */
  public static final class Fitted implements Model {
    static final ModelFormat FORMAT = ModelFormat.of("knn", in -> {
      byte[] bytes = in.read("rows.bin");
      if (bytes.length < 8) {
        throw in.error("rows.bin ends early");
      }
      DataInputStream d = new DataInputStream(new ByteArrayInputStream(bytes));
      int n = d.readInt();
      int width = d.readInt();
      // the declared sizes must fit the file before anything is allocated
      if (n < 0 || width < 0 || 8 + 4L * n * width + 4L * n != bytes.length) {
        throw in.error("rows.bin holds " + bytes.length + " bytes, not " + n + " rows of " + width + " values");
      }
      float[] x = new float[n * width];
      for (int i = 0; i < x.length; i++) {
        x[i] = d.readFloat();
      }
      int[] y = new int[n];
      for (int i = 0; i < n; i++) {
        y[i] = d.readInt();
      }
      return new Fitted(in.schema(), Standardizer.read(in.get("standardizer")), x, y, in.get("n_neighbors").asInt(),
          in.get("weights").asText().equals("distance"), new Provenance("knn", Map.of(), 0, "saved"));
    });

    private final Schema schema;
    private final Standardizer std;
    private final float[] points;
    private final int[] labels;
    private final int k;
    private final boolean byDistance;
    private final Provenance provenance;
    private final NeighborIndex index;

    Fitted(Schema schema, Standardizer std, float[] points, int[] labels, int k, boolean byDistance,
        Provenance provenance) {
      if (points.length != (long) labels.length * std.width() || k > labels.length) {
        throw new IllegalArgumentException("knn rows do not fit: " + points.length + " values, " + labels.length
            + " labels, width " + std.width() + ", n_neighbors " + k);
      }
      this.schema = schema;
      this.std = std;
      this.points = points;
      this.labels = labels;
      this.k = k;
      this.byDistance = byDistance;
      this.provenance = provenance;
      this.index = NeighborIndex.of(points, labels.length, std.width());
    }

    @Override
    public double[][] predictProba(Dataset data) {
      Neighbors nn = index.query(std.transform(data), data.rows(), k);
      int classes = schema.classCount();
      double[][] out = new double[data.rows()][classes];
      for (int q = 0; q < out.length; q++) {
        boolean exact = false;
        for (int j = 0; byDistance && j < k; j++) {
          exact |= nn.distance(q, j) == 0;
        }
        double sum = 0;
        for (int j = 0; j < k; j++) {
          double d = nn.distance(q, j);
          double w = !byDistance ? 1 : exact ? (d == 0 ? 1 : 0) : 1 / d;
          out[q][labels[nn.index(q, j)]] += w;
          sum += w;
        }
        for (int c = 0; c < classes; c++) {
          out[q][c] /= sum;
        }
      }
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
      return "knn";
    }

    @Override
    public void save(ModelWriter out) throws IOException {
      out.put("standardizer", std.toMap());
      out.put("n_neighbors", k);
      out.put("weights", byDistance ? "distance" : "uniform");
      out.write("rows.bin", o -> {
        DataOutputStream d = new DataOutputStream(o);
        d.writeInt(labels.length);
        d.writeInt(std.width());
        for (float v : points) {
          d.writeFloat(v);
        }
        for (int y : labels) {
          d.writeInt(y);
        }
        d.flush();
      });
    }
  }
}
