package org.imbalanced4j.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.imbalanced4j.DataException;

/**
 * Where a data set comes from: a file, or a data set built into the jar ({@code builtin:NAME}).
 * Accepted wherever the user may name a file.
 */
public final class DataSource {
  /** The prefix that names a built-in data set. */
  public static final String BUILTIN_PREFIX = "builtin:";

  private final String name;
  private final Path path;
  private final BuiltinDatasets.Entry builtin;

  private DataSource(String name, Path path, BuiltinDatasets.Entry builtin) {
    this.name = name;
    this.path = path;
    this.builtin = builtin;
  }

  /**
   * Resolves what the user typed: {@code builtin:NAME} or a path. A path must name a readable
   * regular file.
   *
   * @throws DataException when the file does not exist or cannot be read
   * @throws org.imbalanced4j.InvalidOptionException for an unknown built-in name
   */
  public static DataSource of(String spec) {
    if (spec.startsWith(BUILTIN_PREFIX)) {
      BuiltinDatasets.Entry e = BuiltinDatasets.get(spec.substring(BUILTIN_PREFIX.length()));
      return new DataSource(spec, null, e);
    }
    return ofPath(Path.of(spec));
  }

  /** The file at {@code p}, gzipped or not. */
  public static DataSource ofPath(Path p) {
    String name = p.toString();
    if (!Files.exists(p)) {
      throw new DataException(name + ": no such file");
    }
    if (Files.isDirectory(p)) {
      throw new DataException(name + ": is a directory, not a data file");
    }
    if (!Files.isReadable(p)) {
      throw new DataException(name + ": cannot be read (permission denied)");
    }
    return new DataSource(name, p, null);
  }

  /** The name to show the user: the path as given, or {@code builtin:NAME}. */
  public String name() {
    return name;
  }

  /** The file, when this source is one. */
  public Optional<Path> path() {
    return Optional.ofNullable(path);
  }

  /** The built-in entry, when this source is one. */
  public Optional<BuiltinDatasets.Entry> builtin() {
    return Optional.ofNullable(builtin);
  }

  /** The file name used to guess the format: the path's, or the built-in resource's. */
  public String fileName() {
    return path != null ? String.valueOf(path.getFileName()) : builtin.resource();
  }

  /** The source's bytes, decompressed. */
  public InputStream open() throws IOException {
    return path != null ? Files.newInputStream(path) : builtin.open();
  }

  /** All bytes of the source. */
  public byte[] readAllBytes() throws IOException {
    try (InputStream in = open()) {
      return in.readAllBytes();
    }
  }

  @Override
  public String toString() {
    return name;
  }
}
