package org.imbalanced4j.examples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.imbalanced4j.api.Models;
import org.imbalanced4j.api.ScoringModel;
import org.imbalanced4j.api.Train;
import org.imbalanced4j.data.Dataset;
import org.imbalanced4j.io.Datasets;
import org.imbalanced4j.io.ReadOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The examples against the installed artifacts: the batch job end to end, and the HTTP endpoint. */
class ExamplesTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path work;

  @Test
  void theBatchJobPicksAWinnerSavesItAndScoresTheNewRows() throws Exception {
    FraudBatchJob.Report r = FraudBatchJob.run("builtin:lending_club", "class", work, 0);
    assertTrue(Files.isRegularFile(r.model().resolve("model.json")));
    List<String> lines = Files.readAllLines(r.scores());
    assertEquals(r.newRows() + 1, lines.size());
    assertTrue(r.newRows() > 1500, "a fifth of lending_club's rows: " + r.newRows());
    // 0.5 is what always answering the majority class scores
    assertTrue(r.cvBalancedAccuracy() > 0.55 && r.cvBalancedAccuracy() <= 1, "balanced accuracy "
        + r.cvBalancedAccuracy());
    assertTrue(r.newRowsRecall() > 0.3, "the rare class is found on new rows: recall " + r.newRowsRecall());
    // the same seed, the same winner and the same scores
    FraudBatchJob.Report again = FraudBatchJob.run("builtin:lending_club", "class", work.resolve("again"), 0);
    assertEquals(r.winner(), again.winner());
    assertEquals(lines, Files.readAllLines(again.scores()));
  }

  @Test
  void theEndpointAnswersWhatTheLoadedModelScoresAndOneLineErrors() throws Exception {
    Dataset d = Datasets.read("builtin:lending_club", ReadOptions.builder().optTarget("class").build());
    Path model = work.resolve("model");
    Train.builder().optLearner("logistic").optParam("class_weight", "balanced").optSeed(1).build().fit(d).save(model);
    ScoringModel local = Models.load(model);

    List<Map<String, Object>> rows = new ArrayList<>();
    List<String> csv = new java.io.BufferedReader(new java.io.InputStreamReader(
        Datasets.class.getResourceAsStream("/org/imbalanced4j/datasets/lending_club.csv"))).lines().limit(41).toList();
    String[] header = csv.get(0).split(",");
    for (String line : csv.subList(1, csv.size())) {
      String[] f = line.split(",");
      Map<String, Object> row = new LinkedHashMap<>();
      for (int j = 0; j < header.length - 1; j++) {
        row.put(header[j], f[j].matches("-?[0-9.]+") ? (Object) Double.parseDouble(f[j]) : f[j]);
      }
      rows.add(row);
    }
    HttpClient http = HttpClient.newHttpClient();
    try (ScoringServer server = ScoringServer.start(model, 0, 2)) {
      String base = "http://127.0.0.1:" + server.port();
      JsonNode info = JSON.readTree(send(http, HttpRequest.newBuilder(URI.create(base + "/model")).GET(), 200));
      assertEquals(local.classes().size(), info.get("classes").size());

      // one row at a time and all rows at once: the loaded model's probabilities
      double[][] expected = local.predictProba(rows);
      for (int i = 0; i < rows.size(); i++) {
        JsonNode one = JSON.readTree(post(http, base, JSON.writeValueAsString(rows.get(i)), 200));
        assertArrayEquals(expected[i], proba(one, local.classes()), 0.0);
        assertEquals(local.predict(rows.get(i)), one.get("predicted").asText());
      }
      JsonNode all = JSON.readTree(post(http, base, JSON.writeValueAsString(rows), 200));
      assertEquals(rows.size(), all.size());
      for (int i = 0; i < rows.size(); i++) {
        assertArrayEquals(expected[i], proba(all.get(i), local.classes()), 0.0);
      }

      // bad requests: one-line errors, and the server goes on serving
      Map<String, Object> missing = new LinkedHashMap<>(rows.get(0));
      missing.remove("term");
      assertTrue(post(http, base, JSON.writeValueAsString(missing), 400).contains("'term'"));
      assertTrue(post(http, base, "{not json", 400).contains("not JSON"));
      Map<String, Object> text = new LinkedHashMap<>(rows.get(0));
      text.put("int_rate", "high");
      assertTrue(post(http, base, JSON.writeValueAsString(text), 400).contains("not a number"));
      send(http, HttpRequest.newBuilder(URI.create(base + "/predict")).GET(), 405);
      JsonNode still = JSON.readTree(post(http, base, JSON.writeValueAsString(rows.get(0)), 200));
      assertArrayEquals(expected[0], proba(still, local.classes()), 0.0);
    }
  }

  private static double[] proba(JsonNode answer, List<String> classes) {
    return classes.stream().mapToDouble(c -> answer.get("proba").get(c).asDouble()).toArray();
  }

  private static String post(HttpClient http, String base, String body, int status) throws Exception {
    return send(http, HttpRequest.newBuilder(URI.create(base + "/predict"))
        .POST(HttpRequest.BodyPublishers.ofString(body)), status);
  }

  private static String send(HttpClient http, HttpRequest.Builder request, int status) throws Exception {
    HttpResponse<String> r = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    assertEquals(status, r.statusCode(), r.body());
    assertTrue(r.body().lines().count() <= 1, "one line: " + r.body());
    return r.body();
  }
}
