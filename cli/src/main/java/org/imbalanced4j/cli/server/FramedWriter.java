package org.imbalanced4j.cli.server;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/**
 * One of a request's two output streams, sent to the client as lines of the wire protocol
 * ({@link ImbServer}): each complete line as {@code <tag><text>\n}, a last line without its newline
 * as {@code <TAG><text>\n} when the writer is closed. stdout and stderr share the socket, so their
 * lines reach the client in the order they were written.
 */
final class FramedWriter extends Writer {
  private final OutputStream socket;
  private final char tag;
  private final StringBuilder line = new StringBuilder();

  /** {@code socket} is shared by both streams of a request and used under its own lock. */
  FramedWriter(OutputStream socket, char tag) {
    this.socket = socket;
    this.tag = tag;
  }

  @Override
  public void write(char[] cbuf, int off, int len) throws IOException {
    for (int i = off; i < off + len; i++) {
      char c = cbuf[i];
      if (c == '\n') {
        send(tag, line);
        line.setLength(0);
      } else {
        line.append(c);
      }
    }
  }

  @Override
  public void flush() throws IOException {
    synchronized (socket) {
      socket.flush();
    }
  }

  /** Sends what is left of a line without its newline. */
  @Override
  public void close() throws IOException {
    if (line.length() > 0) {
      send(Character.toUpperCase(tag), line);
      line.setLength(0);
    }
    flush();
  }

  private void send(char t, CharSequence text) throws IOException {
    byte[] b = (t + text.toString() + "\n").getBytes(StandardCharsets.UTF_8);
    synchronized (socket) {
      socket.write(b);
    }
  }
}
