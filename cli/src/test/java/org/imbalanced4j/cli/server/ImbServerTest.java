package org.imbalanced4j.cli.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.imbalanced4j.cli.Imb;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The resident server with the real bash client ({@code bin/lib/client.sh}): what a served command
 * prints and exits with is what the same command prints in its own JVM.
 */
class ImbServerTest {
  private static final Path CLIENT = Path.of("..", "bin", "lib", "client.sh").toAbsolutePath().normalize();

  @TempDir Path dir;
  private ImbServer server;
  private ExecutorService loop;
  private Future<?> serving;
  private Path state;

  @BeforeEach
  void start() throws IOException {
    state = dir.resolve("run").resolve("key");
    server = ImbServer.start(state);
    assertThat(server).isNotNull();
    loop = Executors.newSingleThreadExecutor();
    serving = loop.submit(() -> {
      server.serve(Duration.ofSeconds(60));
      return null;
    });
  }

  @AfterEach
  void stop() throws Exception {
    server.close();
    loop.shutdownNow();
  }

  /** What {@code imb_client STATE ARGS} printed, and its exit code (or -1 when it ran nothing). */
  record Reply(String out, String err, int rc) {}

  private Reply client(Path cwd, String... args) throws Exception {
    List<String> cmd = new ArrayList<>(List.of("bash", "-c",
        ". \"$0\"; IMB_CLIENT_RC=-1; imb_client \"$@\" || exit 99; exit \"$IMB_CLIENT_RC\"",
        CLIENT.toString(), state.toString()));
    cmd.addAll(List.of(args));
    Process p = new ProcessBuilder(cmd).directory(cwd.toFile()).start();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    Thread t = new Thread(() -> {
      try {
        p.getErrorStream().transferTo(err);
      } catch (IOException e) {
        // the process is gone
      }
    });
    t.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    int rc = p.waitFor();
    t.join();
    return new Reply(out, err.toString(StandardCharsets.UTF_8), rc == 99 ? -1 : rc);
  }

  private static Reply direct(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Imb.run(args, new PrintWriter(out), new PrintWriter(err));
    return new Reply(out.toString(), err.toString(), code);
  }

  private static Path here() {
    return Path.of("").toAbsolutePath();
  }

  @Test
  void servedCommandsPrintAndExitAsInTheirOwnJvm() throws Exception {
    Path csv = dir.resolve("t.csv");
    Files.writeString(csv, "a,b,class\n1,2,0\n3,4,1\n5,6,0\n7,8,0\n");
    StringBuilder pred = new StringBuilder("class,proba_1\n");
    for (int i = 0; i < 40; i++) {
      pred.append(i % 4 == 0 ? 1 : 0).append(',').append((i % 4 == 0 ? 0.6 : 0.2) + i / 400.0).append('\n');
    }
    Path p = dir.resolve("pred.csv");
    Files.writeString(p, pred);
    String[][] cases = {
      {"inspect", csv.toString()},
      {"inspect", "--json", csv.toString()},
      {"inspect", "builtin:glass"},
      {"evaluate", p.toString(), "--score", "proba_1"},
      {"--version"},
      {"inspect", dir.resolve("missing.csv").toString()}, // a data error: one line, exit 1
      {"inspect", csv.toString(), "--no-such-option"}, // a usage error: exit 2
    };
    for (String[] args : cases) {
      Reply want = direct(args);
      Reply got = client(here(), args);
      assertThat(got).as(String.join(" ", args)).isEqualTo(want);
    }
    assertThat(direct(cases[5]).rc()).isEqualTo(1);
    assertThat(direct(cases[6]).rc()).isEqualTo(2);
    // the state file is its owner's only: the token in it is the key to the port
    assertThat(Files.getPosixFilePermissions(state))
        .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
  }

  @Test
  void declinesWhatItDoesNotServeAndOtherDirectoriesSoTheClientRunsThemItself() throws Exception {
    Reply train = client(here(), "train", "builtin:glass");
    assertThat(train).isEqualTo(new Reply("", "", -1));
    Reply elsewhere = client(dir, "inspect", "builtin:glass"); // relative paths would mean another file
    assertThat(elsewhere).isEqualTo(new Reply("", "", -1));
    assertThat(ImbServer.served(new String[] {"inspect", "-"})).isFalse(); // stdin is the client's
    assertThat(ImbServer.served(new String[] {"--version", "x"})).isFalse();
  }

  @Test
  void aWrongTokenGetsNothingAndAStaleStateFileMeansNoServer() throws Exception {
    String[] fields = Files.readString(state).trim().split(" ");
    Files.writeString(state, fields[0] + " " + "0".repeat(32) + " " + fields[2] + "\n");
    assertThat(client(here(), "inspect", "builtin:glass")).isEqualTo(new Reply("", "", -1));
    Files.writeString(state, "1 x 1\n"); // nothing listens on port 1
    assertThat(client(here(), "inspect", "builtin:glass")).isEqualTo(new Reply("", "", -1));
    Files.delete(state);
    assertThat(client(here(), "inspect", "builtin:glass")).isEqualTo(new Reply("", "", -1));
  }

  @Test
  void oneServerPerStateFileWhichItRemovesWhenItStops() throws Exception {
    assertThat(ImbServer.start(state)).isNull(); // the first holds the lock
    assertThat(state).exists();
    Path lockFile = state.resolveSibling(state.getFileName() + ".lock");
    assertThat(lockFile).exists();
    server.close();
    assertThat(state).doesNotExist();
    assertThat(lockFile).as("no lock file is left behind").doesNotExist();
    serving.get(); // serve() returned
    server = ImbServer.start(state); // the lock is free again
    assertThat(server).isNotNull();
  }

  @Test
  void anIdleServerStops() throws Exception {
    server.close();
    serving.get();
    server = ImbServer.start(state);
    ImbServer idle = server;
    org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(Duration.ofSeconds(30),
        () -> idle.serve(Duration.ofMillis(100))); // returns by itself: nobody asked
  }

  @Test
  void aSpawnedServerHoldsNoDescriptorOfItsCallerAndStartsOnce() throws Exception {
    Path bin = Files.createDirectories(dir.resolve("bin"));
    Path seen = dir.resolve("seen.txt");
    Path java = bin.resolve("java"); // stands in for the JVM: records the descriptors it got
    Files.writeString(java, "#!/usr/bin/env bash\nls /proc/$$/fd >> '" + seen + "'\necho >> '" + seen + "'\n");
    java.toFile().setExecutable(true);
    Path runtime = Files.createDirectories(dir.resolve("spawn"));
    String script = ". \"$0\"; exec 7>\"$1/held\"; imb_spawn \"$1/key\" 60 -cp x.jar; imb_spawn \"$1/key\" 60 -cp x.jar";
    ProcessBuilder pb = new ProcessBuilder("bash", "-c", script, CLIENT.toString(), runtime.toString());
    pb.environment().put("PATH", bin + ":" + System.getenv("PATH"));
    Process p = pb.start();
    assertThat(p.waitFor()).isZero();
    for (int i = 0; i < 100 && !Files.exists(seen); i++) {
      Thread.sleep(50);
    }
    Thread.sleep(200);
    String fds = Files.readString(seen);
    assertThat(fds.strip().split("\n\n")).hasSize(1); // the second call found the first starting
    assertThat(fds.lines().filter(l -> !l.isBlank()).map(Integer::parseInt).toList()).contains(0, 1, 2)
        .allMatch(fd -> fd <= 2 || fd == 255); // 255: bash's own copy of its script
    assertThat(runtime.resolve("key.starting")).isDirectory();
  }

  @Test
  void aLastLineWithoutItsNewlineKeepsItsEnd() throws Exception {
    ByteArrayOutputStream socket = new ByteArrayOutputStream();
    try (PrintWriter o = new PrintWriter(new FramedWriter(socket, 'o'));
        PrintWriter e = new PrintWriter(new FramedWriter(socket, 'e'))) {
      o.print("one\ntwo");
      e.print("é\n");
    }
    assertThat(socket.toString(StandardCharsets.UTF_8)).isEqualTo("oone\neé\nOtwo\n");
  }
}
