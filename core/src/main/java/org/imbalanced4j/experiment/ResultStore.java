package org.imbalanced4j.experiment;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.imbalanced4j.DataException;

/**
 * Every (candidate, repeat, fold) result, appended to an embedded SQLite database as soon as it
 * is computed, keyed by the run's identity (data, folds, repeats, seed), so that an interrupted
 * experiment resumes where it stopped and recomputes nothing stored. Thread-safe.
 */
public final class ResultStore implements AutoCloseable {
  private final Connection db;
  private final String run;

  /**
   * @param file the database file (created when absent)
   * @param run the run's identity: results of another run in the same file are not reused
   */
  public ResultStore(Path file, String run) {
    this("jdbc:sqlite:" + file.toAbsolutePath(), run, file.toString());
  }

  /** A store in memory, gone when closed: a run that keeps no results directory. */
  public static ResultStore inMemory(String run) {
    return new ResultStore("jdbc:sqlite::memory:", run, "in-memory store");
  }

  private ResultStore(String url, String run, String file) {
    this.run = run;
    try {
      this.db = DriverManager.getConnection(url);
      try (Statement s = db.createStatement()) {
        s.execute("PRAGMA journal_mode=WAL");
        s.execute("PRAGMA synchronous=FULL");
        s.execute("CREATE TABLE IF NOT EXISTS folds (run TEXT NOT NULL, candidate TEXT NOT NULL,"
            + " repeat INTEGER NOT NULL, fold INTEGER NOT NULL, metrics TEXT NOT NULL, seconds REAL NOT NULL,"
            + " predictions BLOB NOT NULL, warnings TEXT NOT NULL DEFAULT '',"
            + " PRIMARY KEY (run, candidate, repeat, fold))");
        boolean hasWarnings = false;
        try (ResultSet cols = s.executeQuery("PRAGMA table_info(folds)")) {
          while (cols.next()) {
            hasWarnings |= cols.getString("name").equals("warnings");
          }
        }
        if (!hasWarnings) { // a store written before fits reported warnings
          s.execute("ALTER TABLE folds ADD COLUMN warnings TEXT NOT NULL DEFAULT ''");
        }
      }
    } catch (SQLException e) {
      throw new DataException(file + ": cannot open the results database (" + e.getMessage() + ")", e);
    }
  }

  /** The stored result of a fold, if any. */
  public synchronized Optional<FoldResult> get(String candidate, int repeat, int fold) {
    try (PreparedStatement p = db.prepareStatement(
        "SELECT metrics, seconds, predictions, warnings FROM folds WHERE run=? AND candidate=? AND repeat=? AND fold=?")) {
      p.setString(1, run);
      p.setString(2, candidate);
      p.setInt(3, repeat);
      p.setInt(4, fold);
      try (ResultSet rs = p.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
        byte[] blob = rs.getBytes(3);
        java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(blob == null ? new byte[0] : blob);
        // the two declared lengths must fit the blob before anything is allocated
        long np = b.remaining() >= 8 ? b.getInt() : -1;
        long nq = b.remaining() >= 4 ? b.getInt() : -1;
        if (np < 0 || nq < 0 || 8 + 4 * (np + nq) != b.capacity()) {
          throw new DataException("results database: the stored predictions of " + candidate + " (fold " + fold
              + ") are damaged; delete results.sqlite to compute them again");
        }
        float[] proba = new float[(int) np];
        int[] predicted = new int[(int) nq];
        b.asFloatBuffer().get(proba);
        b.position(b.position() + 4 * proba.length);
        b.asIntBuffer().get(predicted);
        String warnings = rs.getString(4) == null ? "" : rs.getString(4);
        return Optional.of(new FoldResult(candidate, repeat, fold, decode(rs.getString(1), candidate, fold),
            rs.getDouble(2), proba, predicted, warnings.isEmpty() ? List.of() : List.of(warnings.split("\n"))));
      }
    } catch (SQLException e) {
      throw new DataException("results database: " + e.getMessage(), e);
    }
  }

  /** Appends a result, committed before returning. */
  public synchronized void put(FoldResult r) {
    try (PreparedStatement p = db.prepareStatement(
        "INSERT OR REPLACE INTO folds (run, candidate, repeat, fold, metrics, seconds, predictions, warnings)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
      p.setString(1, run);
      p.setString(2, r.candidate());
      p.setInt(3, r.repeat());
      p.setInt(4, r.fold());
      p.setString(5, encode(r.metrics()));
      p.setDouble(6, r.seconds());
      java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(8 + 4 * (r.proba().length + r.predicted().length));
      b.putInt(r.proba().length).putInt(r.predicted().length);
      b.asFloatBuffer().put(r.proba());
      b.position(b.position() + 4 * r.proba().length);
      b.asIntBuffer().put(r.predicted());
      p.setBytes(7, b.array());
      p.setString(8, String.join("\n", r.warnings()));
      p.executeUpdate();
    } catch (SQLException e) {
      throw new DataException("results database: " + e.getMessage(), e);
    }
  }

  /** The number of results stored for this run. */
  public synchronized int count() {
    try (PreparedStatement p = db.prepareStatement("SELECT COUNT(*) FROM folds WHERE run=?")) {
      p.setString(1, run);
      try (ResultSet rs = p.executeQuery()) {
        return rs.next() ? rs.getInt(1) : 0;
      }
    } catch (SQLException e) {
      throw new DataException("results database: " + e.getMessage(), e);
    }
  }

  @Override
  public synchronized void close() {
    try {
      db.close();
    } catch (SQLException e) {
      throw new DataException("results database: " + e.getMessage(), e);
    }
  }

  private static String encode(Map<String, Double> m) {
    StringBuilder sb = new StringBuilder();
    m.forEach((k, v) -> sb.append(sb.length() == 0 ? "" : ";").append(k).append('=').append(Double.toString(v)));
    return sb.toString();
  }

  private static Map<String, Double> decode(String s, String candidate, int fold) {
    Map<String, Double> m = new LinkedHashMap<>();
    for (String kv : (s == null ? "" : s).split(";")) {
      int eq = kv.indexOf('=');
      if (eq > 0) {
        try {
          m.put(kv.substring(0, eq), Double.parseDouble(kv.substring(eq + 1)));
        } catch (NumberFormatException e) {
          throw new DataException("results database: the stored metrics of " + candidate + " (fold " + fold
              + ") are damaged; delete results.sqlite to compute them again");
        }
      }
    }
    return m;
  }
}
