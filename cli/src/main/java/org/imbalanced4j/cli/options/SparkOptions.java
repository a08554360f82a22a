package org.imbalanced4j.cli.options;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.ServiceLoader;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.imbalanced4j.DataException;
import org.imbalanced4j.distributed.DistributedJobs;
import picocli.CommandLine.Option;

/**
 * {@code --spark MASTER} and {@code --spark-ui}: run the command on Spark. Spark and the {@code
 * spark} module live in {@code spark/} beside {@code imb.jar}, outside the class path every other
 * command starts with, and are loaded only here, so a command without {@code --spark} starts as
 * fast as before they existed.
 */
public final class SparkOptions {
  @Option(names = "--spark", paramLabel = "MASTER",
      description = "Run on Spark: local[N] (embedded, N cores), local[*], or a master URL (spark://host:7077, "
          + "yarn, k8s://...). Reads CSV or Parquet (.parquet file or directory); writes CSV or Parquet by the "
          + "output's ending.")
  String master;

  @Option(names = "--spark-ui", description = "With --spark: keep Spark's web UI on (default: off).")
  boolean ui;

  public String master() {
    return master;
  }

  public boolean enabled() {
    if (ui && master == null) {
      throw new org.imbalanced4j.InvalidOptionException("--spark-ui needs --spark MASTER");
    }
    return master != null;
  }

  /**
   * The engine settings; on a terminal, one progress line per finished Spark stage goes to {@code
   * err} (as the other commands draw progress bars only there).
   */
  public DistributedJobs.Engine engine(java.io.PrintWriter err) {
    Consumer<String> progress = System.console() == null ? null : line -> {
      err.println(line);
      err.flush();
    };
    return new DistributedJobs.Engine(master, ui, progress);
  }

  /** The Spark jobs: from the class path when it has them (tests), else from {@code spark/} beside the jar. */
  public static DistributedJobs load() {
    Iterator<DistributedJobs> here = ServiceLoader.load(DistributedJobs.class).iterator();
    if (here.hasNext()) {
      return here.next();
    }
    Path dir = home().resolve("spark");
    if (!Files.isDirectory(dir)) {
      throw new DataException("Spark is not installed beside the tool (" + dir + " is missing): build it with "
          + "mvn install, or run bin/imb, which builds it");
    }
    List<URL> jars = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path p : files.filter(f -> f.toString().endsWith(".jar")).sorted().toList()) {
        jars.add(p.toUri().toURL());
      }
    } catch (MalformedURLException e) {
      throw new IllegalStateException(e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    ClassLoader loader = new URLClassLoader("spark", jars.toArray(URL[]::new), SparkOptions.class.getClassLoader());
    Thread.currentThread().setContextClassLoader(loader);
    Iterator<DistributedJobs> there = ServiceLoader.load(DistributedJobs.class, loader).iterator();
    if (!there.hasNext()) {
      throw new DataException("no Spark jobs found in " + dir + ": rebuild with mvn install");
    }
    return there.next();
  }

  /** The directory of imb.jar. */
  private static Path home() {
    try {
      Path jar = Path.of(SparkOptions.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      return Files.isDirectory(jar) ? jar : jar.getParent();
    } catch (java.net.URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
