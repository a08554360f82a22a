package org.imbalanced4j.cli.server;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.Writer;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.imbalanced4j.cli.Imb;

/**
 * A resident {@code imb} for the short commands scripts call once per file ({@code inspect},
 * {@code evaluate}, {@code --version}): a warm JVM answers in tens of milliseconds where a new one
 * spends a third of a second starting (BENCHMARKS.md, start-up). {@code bin/imb} starts one per
 * working directory, build and locale on first use and talks to it from bash; every other command,
 * and every call when {@code IMB_SERVER=0}, runs in its own JVM as before. It exits after an idle
 * period.
 *
 * <p>Wire protocol, over TCP on the loopback interface: the client sends NUL-terminated UTF-8
 * fields {@code imb1}, the token, its working directory, the argument count and the arguments;
 * the server answers with lines {@code o<text>} (stdout) and {@code e<text>} (stderr), {@code O}
 * and {@code E} for a last line without its newline, then {@code x<exit code>}; or {@code b} alone
 * when it declines (a command it does not serve, another working directory), and the client then
 * runs the command itself. The port, a random token and the pid are in the state file, readable by
 * its owner only: a request without the token is dropped.
 */
public final class ImbServer implements Closeable {
  /** The commands served; every other runs in its own JVM. */
  static final Set<String> SERVED = Set.of("inspect", "evaluate");
  private static final int MAX_FIELD = 1 << 20;
  private static final int MAX_ARGS = 10_000;

  private final Path state;
  private final FileChannel lockChannel;
  private final FileLock lock;
  private final ServerSocket socket;
  private final byte[] token;
  private final Path directory;
  private final ExecutorService requests = Executors.newCachedThreadPool(r -> {
    Thread t = new Thread(r, "imb-request");
    t.setDaemon(true);
    return t;
  });
  private final AtomicInteger running = new AtomicInteger();
  private volatile long lastUse = System.nanoTime();

  private ImbServer(Path state, FileChannel lockChannel, FileLock lock, ServerSocket socket, byte[] token) {
    this.state = state;
    this.lockChannel = lockChannel;
    this.lock = lock;
    this.socket = socket;
    this.token = token;
    this.directory = Path.of("").toAbsolutePath();
  }

  /**
   * Binds a loopback port and publishes it with a fresh token in {@code state} (written atomically,
   * owner-only); null when another server holds {@code state}'s lock.
   */
  public static ImbServer start(Path state) throws IOException {
    Path dir = state.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    Path lockFile = lockFile(state);
    FileChannel ch = null;
    FileLock lock = null;
    // a server that stops deletes its lock file while holding the lock: a lock taken on a file
    // deleted meanwhile guards nothing, so it is given up and taken again on the new file
    for (int attempt = 0; attempt < 3 && lock == null; attempt++) {
      ch = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      try {
        lock = ch.tryLock();
      } catch (OverlappingFileLockException e) {
        lock = null;
      }
      if (lock == null) {
        ch.close();
        return null;
      }
      if (!Files.exists(lockFile)) {
        lock.release();
        ch.close();
        lock = null;
      }
    }
    if (lock == null) {
      return null;
    }
    ServerSocket ss = new ServerSocket(0, 16, InetAddress.getLoopbackAddress());
    byte[] token = new byte[16];
    new SecureRandom().nextBytes(token);
    ImbServer server = new ImbServer(state, ch, lock, ss, HexFormat.of().formatHex(token).getBytes(StandardCharsets.US_ASCII));
    server.publish();
    return server;
  }

  private void publish() throws IOException {
    Path dir = state.toAbsolutePath().getParent();
    Path tmp = Files.createTempFile(dir, "." + state.getFileName() + ".", ".tmp",
        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    try {
      Files.writeString(tmp, socket.getLocalPort() + " " + new String(token, StandardCharsets.US_ASCII) + " "
          + ProcessHandle.current().pid() + "\n");
      Files.move(tmp, state, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  /** The port clients connect to. */
  public int port() {
    return socket.getLocalPort();
  }

  /** Answers requests until no request has come for {@code idle}, or until closed. */
  public void serve(Duration idle) throws IOException {
    while (!socket.isClosed()) {
      try {
        socket.setSoTimeout(1000);
        Socket s = socket.accept();
        lastUse = System.nanoTime();
        requests.execute(() -> handle(s));
      } catch (SocketTimeoutException e) {
        if (running.get() == 0 && System.nanoTime() - lastUse > idle.toNanos()) {
          return;
        }
      } catch (IOException e) {
        if (socket.isClosed()) {
          return;
        }
        throw e;
      }
    }
  }

  /** Runs one request; a client that goes away ends it quietly. */
  private void handle(Socket s) {
    running.incrementAndGet();
    try (s) {
      s.setSoTimeout(10_000); // a request is sent at once; a stalled one is dropped
      InputStream in = new BufferedInputStream(s.getInputStream());
      if (!"imb1".equals(field(in)) || !MessageDigest.isEqual(token, field(in).getBytes(StandardCharsets.UTF_8))) {
        return;
      }
      String dir = field(in);
      int argc = Integer.parseInt(field(in));
      if (argc < 0 || argc > MAX_ARGS) {
        return;
      }
      String[] args = new String[argc];
      for (int i = 0; i < argc; i++) {
        args[i] = field(in);
      }
      s.setSoTimeout(0);
      OutputStream out = new BufferedOutputStream(s.getOutputStream(), 1 << 14);
      if (!served(args) || !sameDirectory(dir)) {
        out.write("b\n".getBytes(StandardCharsets.US_ASCII));
        out.flush();
        return;
      }
      int code;
      try (PrintWriter o = new PrintWriter(new FramedWriter(out, 'o'), true);
          PrintWriter e = new PrintWriter(new FramedWriter(out, 'e'), true)) {
        code = Imb.run(args, o, e);
      }
      synchronized (out) {
        out.write(("x" + code + "\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
      }
    } catch (IOException | NumberFormatException e) {
      // the client went away or sent garbage: nothing to answer
    } finally {
      lastUse = System.nanoTime();
      running.decrementAndGet();
    }
  }

  /** Whether the server runs {@code args}; what reads stdin or needs a terminal runs on its own. */
  static boolean served(String[] args) {
    if (args.length == 1 && (args[0].equals("--version") || args[0].equals("-V"))) {
      return true;
    }
    if (args.length == 0 || !SERVED.contains(args[0])) {
      return false;
    }
    for (String a : args) {
      if (a.equals("-") || a.startsWith("/dev/")) {
        return false;
      }
    }
    return true;
  }

  private boolean sameDirectory(String dir) {
    try {
      return Path.of(dir).toRealPath().equals(directory.toRealPath());
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }

  private static String field(InputStream in) throws IOException {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    for (int c = in.read(); c != 0; c = in.read()) {
      if (c < 0) {
        throw new EOFException();
      }
      if (b.size() >= MAX_FIELD) {
        throw new IOException("field too long");
      }
      b.write(c);
    }
    return b.toString(StandardCharsets.UTF_8);
  }

  /** Stops answering, removes the state file when it is still this server's, and frees the lock. */
  @Override
  public synchronized void close() throws IOException {
    if (!lockChannel.isOpen()) {
      return;
    }
    socket.close();
    requests.shutdownNow();
    try {
      String s = Files.readString(state);
      if (s.contains(" " + new String(token, StandardCharsets.US_ASCII) + " ")) {
        Files.deleteIfExists(state);
      }
    } catch (IOException e) {
      // gone already
    }
    Files.deleteIfExists(lockFile(state)); // before the lock goes: no file is left behind per key
    lock.release();
    lockChannel.close();
  }

  private static Path lockFile(Path state) {
    return state.toAbsolutePath().getParent().resolve(state.getFileName() + ".lock");
  }

  /** Runs the short commands once so the first request finds their classes loaded and compiled. */
  static void warmUp() {
    PrintWriter sink = new PrintWriter(Writer.nullWriter());
    for (int i = 0; i < 3; i++) {
      Imb.run(new String[] {"inspect", "builtin:glass"}, sink, sink);
      Imb.run(new String[] {"inspect", "--json", "builtin:glass"}, sink, sink);
    }
  }

  /**
   * {@code ImbServer STATE [IDLE_SECONDS]}: serves until idle for IDLE_SECONDS (default 300);
   * exits at once when another server holds STATE. Started by {@code bin/imb}.
   */
  public static void main(String[] args) throws IOException {
    Path state = Path.of(args[0]);
    Duration idle = Duration.ofSeconds(args.length > 1 ? Long.parseLong(args[1]) : 300);
    Path starting = Path.of(args[0] + ".starting");
    try (ImbServer server = start(state)) {
      if (server != null) {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> { // kill: no stale state file
          try {
            server.close();
          } catch (IOException e) {
            // exiting anyway
          }
        }));
        warmUp(); // a client that comes meanwhile is served, only slower
        Files.deleteIfExists(starting);
        server.serve(idle);
      }
    } finally {
      Files.deleteIfExists(starting);
    }
    System.exit(0);
  }
}
