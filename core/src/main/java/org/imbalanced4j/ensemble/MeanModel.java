package org.imbalanced4j.ensemble;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.imbalanced4j.data.Dataset;
import org.imbalanced4j.data.Schema;
import org.imbalanced4j.model.Model;
import org.imbalanced4j.model.Provenance;
import org.imbalanced4j.model.io.ModelFormat;
import org.imbalanced4j.model.io.ModelWriter;

/**
 * An ensemble whose probabilities are the mean of its members' ({@code p = (1/M) sum_m p_m}), as
 * scikit-learn's {@code BaggingClassifier.predict_proba} averages them. Saved with each member in its
 * own sub-directory, each read back by its own kind's format.
 */
public record MeanModel(List<Model> members, Provenance provenance) implements Model {
  /** Reads what {@link #save} writes. */
  public static final ModelFormat FORMAT = ModelFormat.of("mean", in -> {
    int n = in.get("members").asInt();
    List<Model> ms = new ArrayList<>();
    for (int m = 0; m < n; m++) {
      ms.add(in.member(memberDir(m)));
    }
    return new MeanModel(ms, new Provenance("mean", Map.of(), 0, "saved"));
  });

  /** Copies the members. */
  public MeanModel {
    members = List.copyOf(members);
    if (members.isEmpty()) {
      throw new IllegalArgumentException("an ensemble needs members");
    }
  }

  private static String memberDir(int m) {
    return "member-" + m;
  }

  @Override
  public double[][] predictProba(Dataset data) {
    double[][] sum = null;
    for (Model m : members) {
      double[][] p = m.predictProba(data);
      if (sum == null) {
        sum = p;
      } else {
        for (int i = 0; i < p.length; i++) {
          for (int c = 0; c < p[i].length; c++) {
            sum[i][c] += p[i][c];
          }
        }
      }
    }
    for (double[] row : sum) {
      for (int c = 0; c < row.length; c++) {
        row[c] /= members.size();
      }
    }
    return sum;
  }

  @Override
  public Schema schema() {
    return members.get(0).schema();
  }

  @Override
  public List<String> warnings() {
    LinkedHashSet<String> w = new LinkedHashSet<>();
    members.forEach(m -> w.addAll(m.warnings()));
    return List.copyOf(w);
  }

  @Override
  public String kind() {
    return "mean";
  }

  @Override
  public void save(ModelWriter out) throws IOException {
    out.put("members", members.size());
    for (int m = 0; m < members.size(); m++) {
      out.member(memberDir(m), members.get(m));
    }
  }
}
