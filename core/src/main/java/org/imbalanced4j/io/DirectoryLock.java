package org.imbalanced4j.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import org.imbalanced4j.DataException;

/**
 * One writer per output directory: {@code DIR/.imb.lock}, locked by the operating system for as
 * long as a run writes to {@code DIR} and released when it ends, however it ends (the lock dies
 * with the process, so a killed run leaves nothing to clean up). A second run on the same
 * directory stops at once with one line naming the lock and the run that holds it, rather than
 * interleaving its writes with the first one's. The file stays (an unlocked file is free; deleting
 * it would let two runs lock two different files), except in a directory the lock itself created
 * and nothing else wrote to: a run that failed before writing leaves no empty directory behind.
 *
 * <pre>{@code
 * try (DirectoryLock lock = DirectoryLock.acquire(out, "imb compare")) {
 *   // write to out
 * }
 * }</pre>
 */
public final class DirectoryLock implements AutoCloseable {
  /** The lock file's name inside the directory. */
  public static final String FILE = ".imb.lock";

  private final FileChannel channel;
  private final FileLock lock;
  private final Path created;

  private DirectoryLock(FileChannel channel, FileLock lock, Path created) {
    this.channel = channel;
    this.lock = lock;
    this.created = created;
  }

  /**
   * Locks {@code dir} (created if missing) for {@code what}, the run that will write there, or
   * throws a {@link DataException} naming the lock and its holder when another run has it.
   */
  public static DirectoryLock acquire(Path dir, String what) throws IOException {
    Path created = Files.isDirectory(dir) ? null : dir;
    Files.createDirectories(dir);
    Path file = dir.resolve(FILE);
    FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
        StandardOpenOption.WRITE);
    FileLock lock;
    try {
      lock = channel.tryLock();
    } catch (OverlappingFileLockException sameProcess) {
      lock = null;
    } catch (IOException e) {
      channel.close();
      throw e;
    }
    if (lock == null) {
      String holder = holder(channel);
      channel.close();
      removeIfUnused(created);
      throw new DataException(dir + " is in use by another run" + (holder.isEmpty() ? "" : " (" + holder + ")")
          + ": it holds the lock " + file + "; wait for it to end or write elsewhere");
    }
    channel.truncate(0);
    String me = what + ", pid " + ProcessHandle.current().pid() + ", since "
        + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss"));
    channel.write(ByteBuffer.wrap((me + "\n").getBytes(StandardCharsets.UTF_8)), 0);
    return new DirectoryLock(channel, lock, created);
  }

  /** What the holder wrote into the lock file: its command, pid and start; empty if unreadable. */
  private static String holder(FileChannel channel) {
    try {
      ByteBuffer b = ByteBuffer.allocate(200);
      channel.read(b, 0);
      return new String(b.array(), 0, b.position(), StandardCharsets.UTF_8).strip(); // DataException: one line
    } catch (IOException e) {
      return "";
    }
  }

  @Override
  public void close() throws IOException {
    try {
      lock.release();
    } finally {
      channel.close();
    }
    removeIfUnused(created);
  }

  /** Deletes {@code dir} (made by a lock) when it holds nothing but the lock file. */
  private static void removeIfUnused(Path dir) throws IOException {
    if (dir == null) {
      return;
    }
    try (java.util.stream.Stream<Path> s = Files.list(dir)) {
      if (s.allMatch(p -> p.getFileName().toString().equals(FILE))) {
        Files.deleteIfExists(dir.resolve(FILE));
        Files.deleteIfExists(dir);
      }
    }
  }
}
