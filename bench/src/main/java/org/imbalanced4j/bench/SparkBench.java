package org.imbalanced4j.bench;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.storage.StorageLevel;
import org.imbalanced4j.data.Schema;
import org.imbalanced4j.sampling.over.Smote;
import org.imbalanced4j.spark.jobs.SparkSessions;
import org.imbalanced4j.spark.metrics.SparkMetrics;
import org.imbalanced4j.spark.sampling.RandomUnderSampler;

/**
 * The Spark module at scale, for {@code scripts/bench/spark.sh}.
 *
 * <ul>
 *   <li>{@code generate OUT.parquet ROWS}: ROWS rows of 20 Gaussian features, a class (1 for 1%)
 *       and a score that depends on the class, written by Spark;
 *   <li>{@code run IN.parquet MASTER}: random under-sampling, SMOTE and ROC AUC + AP from the
 *       Parquet file, each timed to a no-op sink, with rows/s, the peak memory of the JVM (in
 *       {@code local} mode the executors live in it), and the measured task time and shuffle
 *       bytes per input row that the script extrapolates from;
 *   <li>{@code smote IN.parquet ROWS MASTER}: SMOTE on the first ROWS rows by Spark and by core,
 *       both from memory to memory, and the ratio.
 * </ul>
 */
public final class SparkBench {
  private SparkBench() {}

  public static void main(String[] args) throws Exception {
    switch (args[0]) {
      case "generate" -> generate(args[1], Long.parseLong(args[2]));
      case "run" -> run(args[1], args[2]);
      case "smote" -> smote(args[1], Integer.parseInt(args[2]), args[3]);
      default -> throw new IllegalArgumentException(args[0]);
    }
  }

  private static SparkSession session(String master) {
    return SparkSessions.start(master, false, null);
  }

  static void generate(String out, long rows) {
    SparkSession spark = session("local[2]");
    Dataset<Row> d = spark.range(0, rows, 1, 16).withColumn("class",
        functions.when(functions.rand(7).lt(0.01), 1).otherwise(0));
    Column[] cols = new Column[22];
    for (int j = 0; j < 20; j++) {
      Column shift = j < 5 ? functions.col("class").multiply(1.5) : functions.lit(0.0);
      cols[j] = functions.randn(100 + j).plus(shift).as("x" + j);
    }
    cols[20] = functions.col("class");
    cols[21] = functions.col("x0").multiply(0).as("dummy");
    Dataset<Row> features = d.select(java.util.Arrays.copyOf(cols, 21));
    Dataset<Row> scored = features.withColumn("score", functions.expr("1 / (1 + exp(-(x0 + x1 + x2) / 2))"));
    scored.write().mode("overwrite").parquet(out);
    spark.stop();
  }

  /** The features as a vector column, from the numeric columns x0..x19. */
  static Dataset<Row> assemble(Dataset<Row> d) {
    Column[] x = new Column[20];
    for (int j = 0; j < 20; j++) {
      x[j] = functions.col("x" + j);
    }
    return d.withColumn("features", org.apache.spark.ml.functions.array_to_vector(functions.array(x)))
        .withColumnRenamed("class", "label");
  }

  static void run(String in, String master) throws Exception {
    SparkSession spark = session(master);
    Meter meter = new Meter();
    spark.sparkContext().addSparkListener(meter);
    Dataset<Row> data = assemble(spark.read().parquet(in));
    long rows = spark.read().parquet(in).count();
    MemoryWatch watch = MemoryWatch.start();
    System.out.printf(Locale.ROOT, "rows %d partitions %d master %s%n", rows, data.rdd().getNumPartitions(), master);
    meter.reset();
    long t0 = System.nanoTime();
    Dataset<Row> under = new RandomUnderSampler().setSeed(1).resample(data);
    under.write().format("noop").mode("overwrite").save();
    report("RandomUnderSampler", rows, t0, meter, watch);
    meter.reset();
    t0 = System.nanoTime();
    Dataset<Row> smote = new org.imbalanced4j.spark.sampling.Smote().setSeed(1).resample(data);
    smote.write().format("noop").mode("overwrite").save();
    report("SMOTE", rows, t0, meter, watch);
    meter.reset();
    t0 = System.nanoTime();
    Dataset<Row> scores = spark.read().parquet(in);
    SparkMetrics.Scores s = SparkMetrics.scores(scores, "class", "score", "1");
    report(String.format(Locale.ROOT, "ROC AUC %.6f + AP %.6f", s.rocAuc(), s.averagePrecision()), rows, t0, meter,
        watch);
    System.out.printf(Locale.ROOT, "peak JVM heap used %.0f MB, peak resident set %.0f MB%n",
        watch.peakHeap() / 1048576.0, watch.peakRss() / 1048576.0);
    watch.stop();
    spark.stop();
  }

  private static void report(String what, long rows, long t0, Meter meter, MemoryWatch watch) {
    double secs = (System.nanoTime() - t0) / 1e9;
    System.out.printf(Locale.ROOT, "%-40s %7.2f s %,12.0f rows/s  tasks %d  task time %.1f s (%.3f us/row)  "
        + "shuffle write %,d B (%.2f B/row)  peak heap so far %.0f MB%n", what, secs, rows / secs, meter.tasks.sum(),
        meter.runMs.sum() / 1000.0, meter.runMs.sum() * 1000.0 / rows, meter.shuffleBytes.sum(),
        (double) meter.shuffleBytes.sum() / rows, watch.peakHeap() / 1048576.0);
  }

  static void smote(String in, int rows, String master) throws Exception {
    SparkSession spark = session(master);
    Dataset<Row> data = assemble(spark.read().parquet(in)).limit(rows).repartition(4)
        .persist(StorageLevel.MEMORY_ONLY());
    long n = data.count();
    // core, in memory: the same rows as floats
    List<Row> local = data.select("features", "label").collectAsList();
    float[] x = new float[(int) n * 20];
    int[] y = new int[(int) n];
    for (int i = 0; i < n; i++) {
      double[] v = ((org.apache.spark.ml.linalg.Vector) local.get(i).get(0)).toArray();
      for (int j = 0; j < 20; j++) {
        x[i * 20 + j] = (float) v[j];
      }
      y[i] = local.get(i).getInt(1);
    }
    local = null;
    org.imbalanced4j.data.Dataset core = org.imbalanced4j.data.Dataset.builder(Schema.numeric(20, "label",
        List.of("0", "1"))).setValues(x, (int) n).setLabels(y).build();
    double coreBest = Double.MAX_VALUE;
    double sparkBest = Double.MAX_VALUE;
    long made = 0;
    JobClock clock = new JobClock();
    spark.sparkContext().addSparkListener(clock);
    String jobs = "";
    for (int r = 0; r < 11; r++) { // best of 11, each after a full GC: both warmed up
      System.gc();
      long t0 = System.nanoTime();
      made = Smote.builder().optSeed(r).build().fitResample(core).data().rows();
      coreBest = Math.min(coreBest, (System.nanoTime() - t0) / 1e9);
      clock.reset();
      System.gc();
      t0 = System.nanoTime();
      Dataset<Row> res = new org.imbalanced4j.spark.sampling.Smote().setSeed(r).resample(data);
      res.write().format("noop").mode("overwrite").save();
      double secs = (System.nanoTime() - t0) / 1e9;
      if (secs < sparkBest) {
        sparkBest = secs;
        jobs = clock.toString();
      }
    }
    System.out.printf(Locale.ROOT, "SMOTE on %,d rows (%,d out): core %.3f s, Spark %s %.3f s, Spark/core %.2f%n", n,
        made, coreBest, master, sparkBest, sparkBest / coreBest);
    System.out.print(jobs);
    spark.stop();
  }

  /** Task counts, run time and shuffle bytes of the finished tasks. */
  static final class Meter extends SparkListener {
    final LongAdder tasks = new LongAdder();
    final LongAdder runMs = new LongAdder();
    final LongAdder shuffleBytes = new LongAdder();

    void reset() {
      tasks.reset();
      runMs.reset();
      shuffleBytes.reset();
    }

    @Override
    public void onTaskEnd(SparkListenerTaskEnd end) {
      tasks.increment();
      if (end.taskMetrics() != null) {
        runMs.add(end.taskMetrics().executorRunTime());
        shuffleBytes.add(end.taskMetrics().shuffleWriteMetrics().bytesWritten());
      }
    }
  }

  /** The Spark jobs of a run, each with its description and wall time from submission to end. */
  static final class JobClock extends SparkListener {
    private final java.util.Map<Integer, long[]> started = new java.util.concurrent.ConcurrentHashMap<>();
    private final java.util.Map<Integer, String> names = new java.util.concurrent.ConcurrentHashMap<>();
    private final java.util.List<String> lines = java.util.Collections.synchronizedList(new java.util.ArrayList<>());

    void reset() {
      lines.clear();
    }

    @Override
    public void onJobStart(org.apache.spark.scheduler.SparkListenerJobStart start) {
      started.put(start.jobId(), new long[] {start.time()});
      String name = start.properties() == null ? null : start.properties().getProperty("spark.job.description");
      names.put(start.jobId(), name == null ? "job " + start.jobId() : name);
    }

    @Override
    public void onJobEnd(org.apache.spark.scheduler.SparkListenerJobEnd end) {
      long[] t = started.remove(end.jobId());
      if (t != null) {
        lines.add(String.format(Locale.ROOT, "  spark job %-50s %6d ms%n", names.remove(end.jobId()),
            end.time() - t[0]));
      }
    }

    @Override
    public String toString() {
      synchronized (lines) {
        return String.join("", lines);
      }
    }
  }

  /** The peak heap in use and the peak resident set of this JVM, polled every 50 ms. */
  static final class MemoryWatch implements Runnable {
    private final AtomicLong heap = new AtomicLong();
    private final AtomicLong rss = new AtomicLong();
    private volatile boolean running = true;

    static MemoryWatch start() {
      MemoryWatch w = new MemoryWatch();
      Thread t = new Thread(w, "memory-watch");
      t.setDaemon(true);
      t.start();
      return w;
    }

    @Override
    public void run() {
      while (running) {
        heap.accumulateAndGet(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(), Math::max);
        try {
          for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmHWM:")) {
              rss.set(Long.parseLong(line.replaceAll("\\D", "")) * 1024);
            }
          }
          Thread.sleep(50);
        } catch (Exception e) {
          return;
        }
      }
    }

    long peakHeap() {
      return heap.get();
    }

    long peakRss() {
      return rss.get();
    }

    void stop() {
      running = false;
    }
  }
}
