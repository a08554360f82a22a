package org.imbalanced4j.djl.training;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.imbalanced4j.data.Dataset;
import org.imbalanced4j.data.Schema;
import org.imbalanced4j.djl.engine.PyTorchEngine;
import org.imbalanced4j.djl.nn.NetworkSpec;
import org.imbalanced4j.model.Model;
import org.imbalanced4j.model.Provenance;
import org.imbalanced4j.model.ScoreKind;
import ai.djl.ndarray.types.Shape;
import org.imbalanced4j.data.ImageShape;
import org.imbalanced4j.model.io.ModelFormat;
import org.imbalanced4j.model.io.ModelWriter;

/**
 * A fitted network: its best epoch's parameters, preprocessing and network spec. Saved as kind
 * {@code network}: the spec, standardisation and best epoch in {@code model.json}, the parameters
 * in {@code params.bin} (DJL's format), the epochs in {@code history.jsonl}.
 */
public record NeuralModel(Schema schema, TrainingLoop.Result result, Provenance provenance) implements Model {
  /** Reads what {@link #save} writes. */
  public static final ModelFormat FORMAT = ModelFormat.of("network", in -> {
    NetworkSpec spec = NetworkSpec.read(in.get("network"));
    InputTransform input = InputTransform.read(in.section());
    ImageShape img = in.schema().imageShape();
    Shape example = input instanceof InputTransform.Table t ? new Shape(t.standardizer().width())
        : new Shape(img.channels(), img.height(), img.width());
    byte[] params = in.read("params.bin");
    ParameterLayout.check(spec, example, in.schema().classCount(), params);
    TrainingLoop.Result r = new TrainingLoop.Result(params, input, example,
        in.schema().classCount(), spec, in.section().path("best_epoch").asInt(1) - 1,
        in.section().path("best_metric").asDouble(Double.NaN), List.of(), List.of());
    return new NeuralModel(in.schema(), r, new Provenance("network", Map.of(), 0, "saved"));
  });

  private static final ObjectMapper OM = new ObjectMapper();

  @Override
  public double[][] predictProba(Dataset data) {
    return TrainingLoop.predictProba(result, data);
  }

  @Override
  public ScoreKind scoreKind() {
    return ScoreKind.LOGIT;
  }

  @Override
  public double[][] scores(Dataset data) {
    return TrainingLoop.logits(result, data);
  }

  @Override
  public List<String> warnings() {
    return result.warnings();
  }

  @Override
  public String kind() {
    return "network";
  }

  @Override
  public void save(ModelWriter out) throws IOException {
    result.input().toMap().forEach(out::put);
    out.put("network", result.network().toMap());
    out.put("best_epoch", result.bestEpoch() + 1); // 1-based, as printed
    out.put("best_metric", Double.isNaN(result.bestMetric()) ? null : result.bestMetric());
    StringBuilder h = new StringBuilder();
    for (EpochLog l : result.history()) {
      h.append(OM.writeValueAsString(l.toJson())).append('\n');
    }
    out.write("history.jsonl", h.toString().getBytes(StandardCharsets.UTF_8));
    out.write("params.bin", result.parameters());
    out.version("djl", ai.djl.engine.Engine.getDjlVersion());
    out.version("pytorch", PyTorchEngine.get().getVersion());
  }
}
