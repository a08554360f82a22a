package org.imbalanced4j.cli.commands;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.imbalanced4j.DataException;
import org.imbalanced4j.InvalidOptionException;
import org.imbalanced4j.io.AtomicFiles;

/**
 * What {@code imb train} records beside its checkpoint ({@code checkpoints/run.json}): the options
 * that decide the run, and how it ended. {@code --resume} compares them to the options given: a
 * checkpoint is continued only by the run that wrote it, and a finished run is not trained again
 * unless a larger {@code --epochs} lifts the cap that ended it.
 */
final class RunRecord {
  /** Options a resumed run may change: the caps. */
  static final Set<String> MAY_CHANGE = Set.of("epochs", "time_limit", "data");

  private static final ObjectMapper OM = new ObjectMapper();
  private final Path dir;

  RunRecord(Path checkpoints) {
    this.dir = checkpoints;
  }

  private Path file() {
    return dir.resolve("run.json");
  }

  /** Forgets a previous run: its checkpoint and record. */
  void clear() throws IOException {
    Files.deleteIfExists(dir.resolve("checkpoint.bin"));
    Files.deleteIfExists(file());
  }

  /**
   * Whether the checkpoint here may be continued with {@code options}: an error naming the options
   * that differ; a message (and null otherwise) when the run has finished and there is nothing to
   * train. Without a checkpoint the run starts from epoch 1.
   */
  String resumable(Map<String, Object> options, int epochs) throws IOException {
    if (!Files.exists(dir.resolve("checkpoint.bin"))) {
      return null;
    }
    if (!Files.exists(file())) {
      throw new DataException("the checkpoint in " + dir + " has no run.json recording its options; "
          + "train afresh without --resume");
    }
    JsonNode rec = OM.readTree(file().toFile());
    JsonNode was = rec.get("options");
    JsonNode now = OM.readTree(OM.writeValueAsString(options)); // as written: numbers compare as read
    List<String> differ = new ArrayList<>();
    for (var it = now.fieldNames(); it.hasNext(); ) {
      String k = it.next();
      if (!now.get(k).equals(was.get(k))) {
        differ.add(k.equals("training_data_sha256") ? "the training data"
            : TrainCommand.optionOf(k) + " " + text(was.get(k)) + " -> " + text(now.get(k)));
      }
    }
    if (!differ.isEmpty()) {
      throw new InvalidOptionException("--resume: the checkpoint in " + dir + " was trained with other options ("
          + String.join(", ", differ) + "); resume with the same options, or train afresh without --resume");
    }
    JsonNode end = rec.get("finished");
    if (end == null || end.isNull()) {
      return null;
    }
    int trained = end.get("epochs").asInt();
    String why = end.get("reason").asText();
    if (why.equals("epoch cap") && epochs > trained) {
      return null;
    }
    if (why.equals("time limit")) {
      return null;
    }
    return "the run in " + dir.getParent() + " has finished (" + why + " after " + trained + " epochs); nothing to "
        + "resume" + (why.equals("epoch cap") ? ": give --epochs above " + trained + " to train on" : "");
  }

  /** Records the options of a run starting or resuming. */
  void start(Map<String, Object> options) throws IOException {
    Files.createDirectories(dir);
    Map<String, Object> rec = new LinkedHashMap<>();
    rec.put("options", options);
    rec.put("finished", null);
    AtomicFiles.writeString(file(), OM.writerWithDefaultPrettyPrinter().writeValueAsString(rec));
  }

  /** Records how the run ended. */
  void finish(int epochs, String reason) throws IOException {
    Map<String, Object> rec = OM.readValue(file().toFile(), LinkedHashMap.class);
    rec.put("finished", Map.of("epochs", epochs, "reason", reason));
    AtomicFiles.writeString(file(), OM.writerWithDefaultPrettyPrinter().writeValueAsString(rec));
  }

  private static String text(JsonNode n) {
    return n == null ? "(none)" : n.isTextual() ? n.asText() : n.toString();
  }
}
