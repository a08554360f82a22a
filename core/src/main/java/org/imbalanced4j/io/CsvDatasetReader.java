package org.imbalanced4j.io;

import de.siegmar.fastcsv.reader.AbstractBaseCsvCallbackHandler;
import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import de.siegmar.fastcsv.reader.RecordType;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.imbalanced4j.DataException;
import org.imbalanced4j.data.Dataset;

/**
 * Reads a delimited text file with a header row into a {@link Dataset}, with FastCSV (RFC 4180:
 * quoted fields, any line ending) doing the tokenising and FastDoubleParser the numbers.
 *
 * <p>Large files are cut at line ends into chunks parsed on all cores; the chunks are joined in
 * file order, so the result does not depend on the number of threads. A file containing the quote
 * character is read in one pass, since a quoted field may hold a line end.
 */
public final class CsvDatasetReader {
  private static final int MIN_CHUNK = 4 << 20;
  private static final Object ROW = new Object();

  private CsvDatasetReader() {}

  /** Reads a CSV or TSV table, in parallel. */
  public static Dataset read(DataSource src, ReadOptions opt) throws IOException {
    char sep = DataFormat.separatorOf(src, opt);
    try (Bytes bytes = src.path().isPresent()
        ? new FileBytes(FileChannel.open(src.path().get(), StandardOpenOption.READ))
        : new ArrayBytes(src.readAllBytes())) {
      Header h = readHeader(bytes, src.name(), sep);
      TableLayout layout = new TableLayout(src.name(), h.names, opt,
          new boolean[h.names.length], TableLayout.noDeclaredLevels(h.names.length));
      while (true) {
        TableAssembler a = parse(bytes, h, layout, sep, opt.threadCount());
        Dataset d = a.assemble();
        if (d != null) {
          return d;
        }
        layout = a.rereadLayout();
      }
    }
  }

  private record Header(String[] names, long dataStart, long firstDataLine) {}

  private static Header readHeader(Bytes bytes, String source, char sep) throws IOException {
    long size = bytes.size();
    byte[] head = new byte[(int) Math.min(size, 1 << 16)];
    bytes.read(0, head, head.length);
    int start = head.length >= 3 && (head[0] & 0xff) == 0xEF && (head[1] & 0xff) == 0xBB
        && (head[2] & 0xff) == 0xBF ? 3 : 0;
    // skip blank lines before the header
    long pos = start;
    long line = 1;
    while (true) {
      int b = pos < size ? byteAt(bytes, head, pos) : -1;
      if (b == '\n') {
        line++;
        pos++;
      } else if (b == '\r' || b == ' ' || b == '\t') {
        pos++;
      } else {
        break;
      }
    }
    if (pos >= size) {
      throw new DataException(source + ": the file is empty");
    }
    long headerStart = pos;
    boolean quoted = false;
    long lines = 1;
    while (pos < size) {
      int b = byteAt(bytes, head, pos);
      if (b == '"') {
        quoted = !quoted;
      } else if (b == '\n') {
        if (!quoted) {
          break;
        }
        lines++;
      }
      pos++;
    }
    byte[] hb = new byte[(int) (pos - headerStart)];
    bytes.read(headerStart, hb, hb.length);
    String text = new String(hb, StandardCharsets.UTF_8);
    CsvRecord rec;
    try {
      rec = CsvReader.builder().fieldSeparator(sep).ofSingleCsvRecord(text);
    } catch (CsvParseException e) {
      throw malformed(source, e, line);
    }
    String[] names = rec.getFields().stream().map(String::strip).toArray(String[]::new);
    long dataStart = Math.min(size, pos + 1);
    boolean anyData = false;
    for (long p = dataStart; p < size && !anyData; p++) {
      int b = byteAt(bytes, head, p);
      anyData = b != '\n' && b != '\r' && b != ' ' && b != '\t';
    }
    if (!anyData) {
      throw new DataException(source + ": has a header but no data rows");
    }
    return new Header(names, dataStart, line + lines);
  }

  private static int byteAt(Bytes bytes, byte[] head, long pos) throws IOException {
    if (pos < head.length) {
      return head[(int) pos];
    }
    byte[] one = new byte[1];
    bytes.read(pos, one, 1);
    return one[0];
  }

  private static TableAssembler parse(Bytes bytes, Header h, TableLayout layout, char sep,
      int threads) throws IOException {
    long len = bytes.size() - h.dataStart;
    int rowGuess = (int) Math.min(1 << 22, len / Math.max(8, 6L * layout.columns()) + 16);
    if (threads <= 1 || len < 2L * MIN_CHUNK) {
      return sequential(bytes, h, layout, sep, rowGuess);
    }
    List<long[]> ranges = splitAtLineEnds(bytes, h.dataStart, len, threads);
    ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
      Thread t = new Thread(r, "csv-parse");
      t.setDaemon(true);
      return t;
    });
    try {
      // pass 1: rows (line ends) per range; a quote anywhere means fields may span lines
      List<Future<long[]>> scans = new ArrayList<>();
      for (long[] r : ranges) {
        scans.add(pool.submit(() -> scan(bytes.slice(r[0], r[1]))));
      }
      int n = ranges.size();
      long[] capacity = new long[n];
      long[] newlines = new long[n];
      long total = 0;
      for (int i = 0; i < n; i++) {
        long[] sc = scans.get(i).get();
        if (sc == null) {
          return sequential(bytes, h, layout, sep, rowGuess);
        }
        newlines[i] = sc[0];
        capacity[i] = sc[0] + sc[1];
        total += capacity[i];
      }
      int d = Math.max(1, layout.features());
      if (total * d > Integer.MAX_VALUE - 8) {
        throw new DataException(layout.source + ": about " + total + " rows x " + d
            + " features is more than one table holds (2^31 values)");
      }
      // pass 2: every range parses straight into its rows of one pair of arrays
      float[] values = new float[(int) (total * d)];
      int[] labels = new int[(int) total];
      List<Future<TableChunk>> parsed = new ArrayList<>();
      long[] firstLines = new long[n];
      long offset = 0;
      long line = h.firstDataLine;
      for (int i = 0; i < n; i++) {
        long[] r = ranges.get(i);
        TableChunk t = new TableChunk(layout, values, labels, (int) offset, (int) capacity[i]);
        long firstLine = line;
        parsed.add(pool.submit(() -> {
          run(new ByteBufferInputStream(bytes.slice(r[0], r[1])), t, sep, firstLine);
          return t;
        }));
        firstLines[i] = line;
        offset += capacity[i];
        line += newlines[i];
      }
      List<TableChunk> chunks = new ArrayList<>(n);
      for (Future<TableChunk> f : parsed) {
        chunks.add(f.get());
      }
      return new TableAssembler(layout, chunks, firstLines);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while reading " + layout.source, e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException re) {
        throw re;
      }
      throw new IOException(e.getCause());
    } finally {
      pool.shutdownNow();
    }
  }

  /**
   * Line ends in a range and whether its last line lacks one ({@code {newlines, 0 or 1}}), or
   * null when the range holds a quote character. Eight bytes at a time: a byte equal to {@code c}
   * is a zero byte of {@code w ^ c*0x0101..}, found exactly by {@link #zeroBytes}.
   */
  private static long[] scan(ByteBuffer b) {
    b.order(java.nio.ByteOrder.LITTLE_ENDIAN);
    long newlines = 0;
    long quotes = 0;
    int i = b.position();
    int end = b.limit();
    for (; i + 8 <= end; i += 8) {
      long w = b.getLong(i);
      newlines += Long.bitCount(zeroBytes(w ^ 0x0a0a0a0a0a0a0a0aL));
      quotes |= zeroBytes(w ^ 0x2222222222222222L);
    }
    for (; i < end; i++) {
      byte c = b.get(i);
      newlines += c == '\n' ? 1 : 0;
      quotes |= c == '"' ? 1 : 0;
    }
    if (quotes != 0) {
      return null;
    }
    boolean endsWithNewline = end == b.position() || b.get(end - 1) == '\n';
    return new long[] {newlines, endsWithNewline ? 0 : 1};
  }

  /** The high bit of each zero byte of {@code x}, and no other bit. */
  private static long zeroBytes(long x) {
    long t = (x & 0x7f7f7f7f7f7f7f7fL) + 0x7f7f7f7f7f7f7f7fL;
    return ~(t | x | 0x7f7f7f7f7f7f7f7fL);
  }

  private static TableAssembler sequential(Bytes bytes, Header h, TableLayout layout, char sep,
      int rowGuess) throws IOException {
    TableChunk t = new TableChunk(layout, rowGuess);
    try (InputStream in = bytes.stream(h.dataStart)) {
      run(in, t, sep, h.firstDataLine);
    }
    return new TableAssembler(layout, List.of(t), new long[] {h.firstDataLine});
  }

  /** Cuts [start, start+len) into about 4 ranges a thread, each ending after a line end. */
  private static List<long[]> splitAtLineEnds(Bytes bytes, long start, long len, int threads)
      throws IOException {
    long target = Math.max(MIN_CHUNK, len / (threads * 4L));
    List<long[]> ranges = new ArrayList<>();
    long end = start + len;
    long from = start;
    byte[] probe = new byte[1 << 16];
    while (from < end) {
      long cut = from + target;
      if (cut >= end) {
        ranges.add(new long[] {from, end});
        break;
      }
      long next = -1;
      while (next < 0 && cut < end) {
        int n = (int) Math.min(probe.length, end - cut);
        bytes.read(cut, probe, n);
        for (int i = 0; i < n; i++) {
          if (probe[i] == '\n') {
            next = cut + i + 1;
            break;
          }
        }
        cut += n;
      }
      if (next < 0) {
        next = end;
      }
      ranges.add(new long[] {from, next});
      from = next;
    }
    return ranges;
  }

  private static void run(InputStream in, TableChunk t, char sep, long firstLine) throws IOException {
    ChunkHandler handler = new ChunkHandler(t);
    try (CsvReader<Object> reader = CsvReader.builder()
        .fieldSeparator(sep)
        .skipEmptyLines(true)
        .allowExtraFields(true)
        .allowMissingFields(true)
        .build(handler, new InputStreamReader(in, StandardCharsets.UTF_8))) {
      for (Object ignored : reader) {
        if (handler.stopped) {
          break;
        }
      }
    } catch (UncheckedIOException e) {
      throw e.getCause();
    } catch (CsvParseException e) {
      throw malformed(t.layout().source, e, firstLine);
    }
  }

  /**
   * FastCSV's complaint about quoting as one line: the file, the line (its count from {@code
   * firstLine}, the line the parsed text starts on) and what is wrong.
   */
  private static DataException malformed(String source, CsvParseException e, long firstLine) {
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("line (\\d+)").matcher(String.valueOf(e.getMessage()));
    long line = m.find() ? firstLine + Long.parseLong(m.group(1)) - 1 : firstLine; // else: the first record
    String where = "line " + line + ": ";
    String what = e.getCause() != null ? e.getCause().getMessage() : e.getMessage();
    return new DataException(source + ": " + where + "not valid CSV (" + what + ")");
  }

  /** Feeds FastCSV's fields straight into a {@link TableChunk}, without a string per field. */
  private static final class ChunkHandler extends AbstractBaseCsvCallbackHandler<Object> {
    private final TableChunk table;
    boolean stopped;

    ChunkHandler(TableChunk table) {
      this.table = table;
    }

    @Override
    protected void handleBegin(long startingLineNumber) {
      if (!stopped) {
        table.beginRow(startingLineNumber);
      }
    }

    @Override
    protected void handleField(int fieldIdx, char[] buf, int offset, int len, boolean quoted) {
      if (!stopped && !table.cell(fieldIdx, buf, offset, len)) {
        stopped = true;
      }
    }

    @Override
    protected Object buildRecord() {
      if (!stopped && getRecordType() == RecordType.DATA && !table.endRow()) {
        stopped = true;
      }
      return ROW;
    }
  }

  /** Reads a byte buffer from its position to its limit. */
  private static final class ByteBufferInputStream extends InputStream {
    private final ByteBuffer b;

    ByteBufferInputStream(ByteBuffer b) {
      this.b = b;
    }

    @Override
    public int read() {
      return b.hasRemaining() ? b.get() & 0xff : -1;
    }

    @Override
    public int read(byte[] dst, int off, int len) {
      if (!b.hasRemaining()) {
        return -1;
      }
      int n = Math.min(len, b.remaining());
      b.get(dst, off, n);
      return n;
    }
  }

  /** Random access to the bytes of a file or an in-memory resource. */
  private interface Bytes extends AutoCloseable {
    long size() throws IOException;

    void read(long pos, byte[] dst, int len) throws IOException;

    InputStream stream(long pos) throws IOException;

    /** Bytes [from, to) without copying them onto the heap where possible. */
    ByteBuffer slice(long from, long to) throws IOException;

    @Override
    void close() throws IOException;
  }

  private record FileBytes(FileChannel ch) implements Bytes {
    @Override
    public long size() throws IOException {
      return ch.size();
    }

    @Override
    public void read(long pos, byte[] dst, int len) throws IOException {
      ByteBuffer bb = ByteBuffer.wrap(dst, 0, len);
      while (bb.hasRemaining()) {
        if (ch.read(bb, pos + bb.position()) < 0) {
          throw new IOException("file shrank while being read");
        }
      }
    }

    @Override
    public InputStream stream(long pos) throws IOException {
      return new java.io.FilterInputStream(Channels.newInputStream(ch.position(pos))) {
        @Override
        public void close() {
          // the channel stays open for a second pass; close() of FileBytes closes it
        }
      };
    }

    @Override
    public ByteBuffer slice(long from, long to) throws IOException {
      return ch.map(FileChannel.MapMode.READ_ONLY, from, to - from);
    }

    @Override
    public void close() throws IOException {
      ch.close();
    }
  }

  private record ArrayBytes(byte[] b) implements Bytes {
    @Override
    public long size() {
      return b.length;
    }

    @Override
    public void read(long pos, byte[] dst, int len) {
      System.arraycopy(b, (int) pos, dst, 0, len);
    }

    @Override
    public InputStream stream(long pos) {
      return new ByteArrayInputStream(b, (int) pos, b.length - (int) pos);
    }

    @Override
    public ByteBuffer slice(long from, long to) {
      return ByteBuffer.wrap(b, (int) from, (int) (to - from)).slice();
    }

    @Override
    public void close() {}
  }
}
