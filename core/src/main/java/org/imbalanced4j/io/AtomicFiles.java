package org.imbalanced4j.io;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes files so that a crash never leaves a partial one: the content goes to a temporary file
 * beside the target, is flushed to disk, and is then renamed over the target in one step.
 */
public final class AtomicFiles {
  private AtomicFiles() {}

  /** Something that writes to a stream. */
  @FunctionalInterface
  public interface StreamBody {
    /** Writes the file's bytes. */
    void write(OutputStream out) throws IOException;
  }

  /** Something that writes text. */
  @FunctionalInterface
  public interface TextBody {
    /** Writes the file's text. */
    void write(Writer out) throws IOException;
  }

  /** Writes {@code target} through a temporary file beside it, renamed into place when complete. */
  public static void write(Path target, StreamBody body) throws IOException {
    Path abs = target.toAbsolutePath();
    Path dir = abs.getParent();
    Files.createDirectories(dir);
    Path tmp = Files.createTempFile(dir, "." + abs.getFileName() + ".", ".tmp");
    try {
      try (var ch = java.nio.channels.FileChannel.open(tmp,
              java.nio.file.StandardOpenOption.WRITE);
          OutputStream out = new java.io.BufferedOutputStream(
              java.nio.channels.Channels.newOutputStream(ch), 1 << 16)) {
        body.write(out);
        out.flush();
        ch.force(true);
      }
      permissions(tmp, abs);
      try {
        Files.move(tmp, abs, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  /**
   * A temporary file is created readable by its owner only; the result gets the permissions of
   * the file it replaces, or rw-r--r-- when new.
   */
  private static void permissions(Path tmp, Path target) throws IOException {
    if (!tmp.getFileSystem().supportedFileAttributeViews().contains("posix")) {
      return;
    }
    java.util.Set<java.nio.file.attribute.PosixFilePermission> perms = Files.exists(target)
        ? Files.getPosixFilePermissions(target)
        : java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--");
    Files.setPosixFilePermissions(tmp, perms);
  }

  /** Writes UTF-8 text atomically. */
  public static void writeText(Path target, TextBody body) throws IOException {
    write(target, out -> {
      Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
      body.write(w);
      w.flush();
    });
  }

  /** Writes {@code text} as UTF-8 to {@code target}, atomically. */
  public static void writeString(Path target, String text) throws IOException {
    writeText(target, w -> w.write(text));
  }

  /** Something that fills a directory. */
  @FunctionalInterface
  public interface DirectoryBody {
    /** Writes the directory's files into {@code dir}. */
    void write(Path dir) throws IOException;
  }

  /**
   * Writes a whole directory so that a failure never leaves half of one: {@code body} fills a
   * temporary directory beside {@code target} (permissions {@code rwxr-xr-x} where the platform
   * has them), the old directory, if any, is moved aside, the new one renamed into place, and the
   * old one deleted.
   */
  public static void writeDirectory(Path target, DirectoryBody body) throws IOException {
    Path abs = target.toAbsolutePath();
    Files.createDirectories(abs.getParent());
    Path tmp = Files.createTempDirectory(abs.getParent(), "." + abs.getFileName() + "-");
    try {
      Files.setPosixFilePermissions(tmp, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
    } catch (UnsupportedOperationException notPosix) {
      // the platform's default permissions
    }
    Path old = abs.resolveSibling("." + abs.getFileName() + "-old");
    try {
      body.write(tmp);
      deleteTree(old);
      if (Files.exists(abs)) {
        Files.move(abs, old, StandardCopyOption.ATOMIC_MOVE);
      }
      Files.move(tmp, abs, StandardCopyOption.ATOMIC_MOVE);
      deleteTree(old);
    } finally {
      deleteTree(tmp);
    }
  }

  /** Deletes a file or a directory with everything in it; nothing when it does not exist. */
  public static void deleteTree(Path p) throws IOException {
    if (!java.nio.file.Files.exists(p)) {
      return;
    }
    try (java.util.stream.Stream<Path> all = java.nio.file.Files.walk(p)) {
      for (Path q : all.sorted(java.util.Comparator.reverseOrder()).toList()) {
        java.nio.file.Files.delete(q);
      }
    }
  }
}
