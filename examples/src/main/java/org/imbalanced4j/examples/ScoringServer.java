package org.imbalanced4j.examples;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.imbalanced4j.DataException;
import org.imbalanced4j.api.Models;
import org.imbalanced4j.api.ScoringModel;

/**
 * A minimal HTTP scoring endpoint on the JDK's built-in server: loads a model directory once and
 * answers JSON from a pool of threads sharing it (a loaded model is thread-safe).
 *
 * <ul>
 *   <li>{@code GET /model}: the classes and the features a row gives.
 *   <li>{@code POST /predict} with one row, {@code {"amount": 912.5, "country": "NL"}}, or an array
 *       of rows: for each, {@code {"predicted": "fraud", "proba": {"fraud": 0.83, "ok": 0.17}}}
 *       (an array for an array).
 * </ul>
 *
 * <p>A row without a feature, a value that is not a number, or JSON that does not parse is a 400
 * with {@code {"error": "..."}} in one line; the server keeps serving.
 *
 * <pre>
 * java -cp ... org.imbalanced4j.examples.ScoringServer model/ 8080
 * curl -s localhost:8080/predict -d '{"amount": 912.5, "country": "NL", "hour": 3}'
 * </pre>
 */
public final class ScoringServer implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int MAX_BODY = 16 << 20;

  private final ScoringModel model;
  private final HttpServer server;
  private final ExecutorService pool;

  private ScoringServer(ScoringModel model, HttpServer server, ExecutorService pool) {
    this.model = model;
    this.server = server;
    this.pool = pool;
  }

  /**
   * Loads the model in {@code modelDir} and serves it on {@code port} of localhost (0: any free port).
   *
   * @param threads how many requests are scored at once
   */
  public static ScoringServer start(Path modelDir, int port, int threads) throws IOException {
    ScoringModel model = Models.load(modelDir);
    HttpServer http = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 64);
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    ScoringServer s = new ScoringServer(model, http, pool);
    http.createContext("/predict", s::predict);
    http.createContext("/model", s::describe);
    http.setExecutor(pool);
    http.start();
    return s;
  }

  /** The port served. */
  public int port() {
    return server.getAddress().getPort();
  }

  /** Stops serving; requests under way get a second to finish. */
  @Override
  public void close() {
    server.stop(1);
    pool.shutdownNow();
  }

  private void describe(HttpExchange ex) throws IOException {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("classes", model.classes());
    m.put("features", model.features());
    reply(ex, 200, m);
  }

  private void predict(HttpExchange ex) throws IOException {
    if (!ex.getRequestMethod().equals("POST")) {
      reply(ex, 405, Map.of("error", "POST a row (a JSON object) or rows (a JSON array) to /predict"));
      return;
    }
    try {
      JsonNode body = JSON.readTree(read(ex.getRequestBody()));
      if (body == null || !(body.isObject() || body.isArray())) {
        throw new IllegalArgumentException("the body is a JSON object (one row) or an array of them");
      }
      List<Map<String, Object>> rows = new ArrayList<>();
      for (JsonNode row : body.isArray() ? body : List.of(body)) {
        if (!row.isObject()) {
          throw new IllegalArgumentException("each row is a JSON object of feature: value");
        }
        Map<String, Object> r = new LinkedHashMap<>();
        row.fields().forEachRemaining(f -> r.put(f.getKey(), f.getValue().isNumber() ? f.getValue().doubleValue()
            : f.getValue().asText()));
        rows.add(r);
      }
      double[][] proba = model.predictProba(rows);
      List<String> decided = model.predict(rows);
      List<Map<String, Object>> out = new ArrayList<>();
      for (int i = 0; i < proba.length; i++) {
        Map<String, Double> byClass = new LinkedHashMap<>();
        for (int c = 0; c < proba[i].length; c++) {
          byClass.put(model.classes().get(c), proba[i][c]);
        }
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("predicted", decided.get(i));
        o.put("proba", byClass);
        out.add(o);
      }
      reply(ex, 200, body.isArray() ? out : out.get(0));
    } catch (JsonProcessingException e) {
      reply(ex, 400, Map.of("error", "not JSON: " + e.getOriginalMessage()));
    } catch (IllegalArgumentException | DataException e) {
      reply(ex, 400, Map.of("error", e.getMessage()));
    }
  }

  private static byte[] read(InputStream in) throws IOException {
    byte[] b = in.readNBytes(MAX_BODY + 1);
    if (b.length > MAX_BODY) {
      throw new IllegalArgumentException("the body is over " + (MAX_BODY >> 20) + " MB; send fewer rows at once");
    }
    return b;
  }

  private static void reply(HttpExchange ex, int status, Object body) throws IOException {
    byte[] bytes = JSON.writeValueAsBytes(body);
    ex.getResponseHeaders().set("Content-Type", "application/json");
    ex.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(bytes);
    }
  }

  /**
   * Serves {@code MODEL_DIR [PORT]} (default port 8080) until stopped.
   *
   * @param args the model directory and optionally the port
   */
  public static void main(String[] args) throws IOException {
    if (args.length < 1) {
      System.err.println("usage: ScoringServer MODEL_DIR [PORT]");
      System.exit(2);
    }
    ScoringServer s = start(Path.of(args[0]), args.length > 1 ? Integer.parseInt(args[1]) : 8080,
        Runtime.getRuntime().availableProcessors());
    System.out.println("serving " + args[0] + " on http://127.0.0.1:" + s.port() + "/predict");
  }
}
