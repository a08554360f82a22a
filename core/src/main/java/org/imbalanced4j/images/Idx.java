package org.imbalanced4j.images;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.imbalanced4j.DataException;
import org.imbalanced4j.io.AtomicFiles;

/**
 * IDX files, the format of MNIST and Fashion-MNIST (LeCun et al.): a magic number (two zero bytes,
 * the element type, the number of dimensions), each dimension's size as a big-endian int, then the
 * elements. Unsigned bytes only (type 0x08), one to four dimensions; plain or gzipped (told by the
 * first bytes, not the name). The declared sizes are checked against the file before anything is
 * allocated.
 */
public final class Idx {
  /** The unsigned-byte element type. */
  static final int UBYTE = 0x08;
  /** No IDX array held in memory may pass this many bytes. */
  static final long MAX_BYTES = Integer.MAX_VALUE - 8;

  private Idx() {}

  /** An IDX array: its dimensions and its bytes, row-major. */
  public record Array(int[] dims, byte[] data) {}

  /** Whether the file starts as an IDX file does (plain or gzipped). */
  public static boolean looksLikeIdx(Path file) {
    try (InputStream in = open(file)) {
      byte[] head = in.readNBytes(4);
      return head.length == 4 && head[0] == 0 && head[1] == 0 && head[2] == UBYTE && head[3] >= 1 && head[3] <= 4;
    } catch (IOException | DataException e) {
      return false;
    }
  }

  private static InputStream open(Path file) throws IOException {
    InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
    raw.mark(2);
    int b0 = raw.read();
    int b1 = raw.read();
    raw.reset();
    return b0 == 0x1f && b1 == 0x8b ? new BufferedInputStream(new GZIPInputStream(raw, 1 << 16), 1 << 16) : raw;
  }

  /** The array in an IDX file, plain or gzipped. */
  public static Array read(Path file) {
    try (DataInputStream in = new DataInputStream(open(file))) {
      int magic;
      try {
        magic = in.readInt();
      } catch (EOFException e) {
        throw new DataException(file + ": not an IDX file (shorter than its 4-byte header)");
      }
      int type = (magic >>> 8) & 0xff;
      int rank = magic & 0xff;
      if ((magic >>> 16) != 0 || rank < 1 || rank > 4) {
        throw new DataException(file + ": not an IDX file (magic number 0x" + Integer.toHexString(magic) + ")");
      }
      if (type != UBYTE) {
        throw new DataException(file + ": IDX elements of type 0x" + Integer.toHexString(type)
            + "; only unsigned bytes (0x08) are read");
      }
      int[] dims = new int[rank];
      long total = 1;
      for (int i = 0; i < rank; i++) {
        try {
          dims[i] = in.readInt();
        } catch (EOFException e) {
          throw new DataException(file + ": truncated IDX header (" + rank + " dimensions declared)");
        }
        if (dims[i] < 0) {
          throw new DataException(file + ": IDX dimension " + (i + 1) + " is negative (" + dims[i] + ")");
        }
        total *= dims[i];
        if (total > MAX_BYTES) {
          throw new DataException(file + ": IDX declares more than " + MAX_BYTES + " bytes");
        }
      }
      long header = 4 + 4L * rank;
      if (!isGzip(file) && Files.size(file) - header < total) {
        throw new DataException(file + ": truncated: the header declares " + total + " bytes of data, the file holds "
            + (Files.size(file) - header));
      }
      byte[] data = new byte[(int) total];
      int got = in.readNBytes(data, 0, data.length);
      if (got < data.length) {
        throw new DataException(file + ": truncated: the header declares " + total + " bytes of data, the file holds "
            + got);
      }
      return new Array(dims, data);
    } catch (NoSuchFileException e) {
      throw new DataException(file + ": no such file");
    } catch (IOException e) {
      throw new DataException(file + ": cannot be read as IDX (" + e.getMessage() + ")", e);
    }
  }

  private static boolean isGzip(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return in.read() == 0x1f && in.read() == 0x8b;
    }
  }

  /** Writes an IDX file atomically, gzipped when the name ends in {@code .gz}. */
  public static void write(Path file, int[] dims, byte[] data) throws IOException {
    AtomicFiles.write(file, raw -> {
      java.io.OutputStream sink = file.getFileName().toString().endsWith(".gz") ? new GZIPOutputStream(raw, 1 << 16)
          : raw;
      java.io.DataOutputStream out = new java.io.DataOutputStream(new java.io.BufferedOutputStream(sink, 1 << 16));
      out.writeInt((UBYTE << 8) | dims.length);
      for (int d : dims) {
        out.writeInt(d);
      }
      out.write(data);
      out.flush();
      if (sink instanceof GZIPOutputStream gz) {
        gz.finish();
      }
    });
  }
}
