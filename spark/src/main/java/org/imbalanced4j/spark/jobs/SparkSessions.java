package org.imbalanced4j.spark.jobs;

import java.util.Locale;
import java.util.function.Consumer;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerStageCompleted;
import org.apache.spark.scheduler.StageInfo;
import org.apache.spark.sql.SparkSession;
import org.imbalanced4j.InvalidOptionException;

/**
 * The session a command runs in: {@code local[N]} (embedded, no cluster) or a master URL; the
 * web UI only when asked; Spark's log kept out of the terminal, and one progress line per finished
 * stage instead.
 */
public final class SparkSessions {
  private SparkSessions() {}

  /** A session on {@code master}; {@code progress} gets one line per finished stage (or null). */
  public static SparkSession start(String master, boolean ui, Consumer<String> progress) {
    if (master == null || master.isBlank()) {
      throw new InvalidOptionException("--spark needs a master: local[N], local[*] or a URL such as spark://host:7077");
    }
    if (!master.matches("local(\\[(\\d+|\\*)(,\\d+)?])?|(spark|yarn|k8s|mesos)(://.*)?")) {
      throw new InvalidOptionException("--spark " + master + " is not a master; give local[N], local[*], "
          + "spark://host:port, yarn or k8s://URL");
    }
    SparkSession.Builder b = SparkSession.builder().appName("imb").master(master)
        .config("spark.ui.enabled", Boolean.toString(ui))
        .config("spark.ui.showConsoleProgress", "false")
        .config("spark.sql.shuffle.partitions", master.startsWith("local") ? "8" : "200");
    if (master.startsWith("local")) {
      b.config("spark.driver.host", "127.0.0.1").config("spark.driver.bindAddress", "127.0.0.1");
    }
    SparkSession session = b.getOrCreate();
    session.sparkContext().setLogLevel("ERROR");
    if (progress != null) {
      session.sparkContext().addSparkListener(new SparkListener() {
        private final java.util.Map<Integer, String> names = new java.util.concurrent.ConcurrentHashMap<>();

        @Override
        public void onStageSubmitted(org.apache.spark.scheduler.SparkListenerStageSubmitted submitted) {
          java.util.Properties p = submitted.properties();
          String d = p == null ? null : p.getProperty("spark.job.description");
          if (d != null) {
            names.put(submitted.stageInfo().stageId(), d);
          }
        }

        @Override
        public void onStageCompleted(SparkListenerStageCompleted done) {
          StageInfo s = done.stageInfo();
          long ms = s.completionTime().isDefined() && s.submissionTime().isDefined()
              ? (Long) s.completionTime().get() - (Long) s.submissionTime().get() : 0;
          String name = names.getOrDefault(s.stageId(), s.name().replaceAll(" at .*", "")
              .replaceAll(".*anonfun.*", "query"));
          progress.accept(String.format(Locale.ROOT, "spark: stage %d %s: %d task%s in %.1f s", s.stageId(), name,
              s.numTasks(), s.numTasks() == 1 ? "" : "s", ms / 1000.0));
        }
      });
    }
    return session;
  }
}
