package org.provenant.pipelines.io;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.WritableByteChannel;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import org.apache.parquet.io.OutputFile;
import org.apache.parquet.io.PositionOutputStream;

/**
 * A Parquet {@link OutputFile} over a Beam {@link WritableByteChannel} (local, gs://, s3://) that
 * counts the bytes written and computes their sha256 on the way, so a shard's manifest entry needs
 * no second read. The newest {@value #HELD_BYTES} bytes (at least) are held back until the writer
 * closes, so that the footer can be rewritten by {@link ParquetFooters} before it is written and
 * hashed: a footer larger than that fails the write instead of leaving a process-dependent file.
 */
public final class HashingOutputFile implements OutputFile {
  /** Bytes held back for the footer rewrite; a footer of this size needs about 100,000 column chunks. */
  public static final int HELD_BYTES = 8 << 20;

  private final int heldBytes;
  private final WritableByteChannel channel;
  private final String name;
  private final MessageDigest sha256;
  private long written;

  public HashingOutputFile(WritableByteChannel channel, String name) {
    this(channel, name, HELD_BYTES);
  }

  /** With {@code heldBytes} held back instead of {@link #HELD_BYTES} (tests). */
  HashingOutputFile(WritableByteChannel channel, String name, int heldBytes) {
    this.heldBytes = heldBytes;
    this.channel = channel;
    this.name = name;
    try {
      this.sha256 = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Bytes written to the channel, footer rewrite included; final once the writer is closed. */
  public long bytesWritten() {
    return written;
  }

  /** Hex sha256 of everything written; call after the writer is closed. */
  public String sha256Hex() {
    return com.google.common.io.BaseEncoding.base16().lowerCase().encode(sha256.digest());
  }

  @Override
  public PositionOutputStream create(long blockSizeHint) {
    OutputStream out = Channels.newOutputStream(channel);
    return new PositionOutputStream() {
      /** The newest bytes, not yet written: between HELD_BYTES and twice that once the file is large. */
      private byte[] held = new byte[64 << 10];
      private int count;
      private long position;
      private boolean closed;

      @Override
      public long getPos() {
        return position;
      }

      @Override
      public void write(int b) throws IOException {
        reserve(1);
        held[count++] = (byte) b;
        position++;
        releaseOldest();
      }

      @Override
      public void write(byte[] b, int off, int len) throws IOException {
        reserve(len);
        System.arraycopy(b, off, held, count, len);
        count += len;
        position += len;
        releaseOldest();
      }

      private void reserve(int more) {
        if (count + more > held.length) {
          held = java.util.Arrays.copyOf(held, Math.max(count + more, 2 * held.length));
        }
      }

      /** Writes out all but the newest HELD_BYTES once twice that many are held. */
      private void releaseOldest() throws IOException {
        if (count > 2 * heldBytes) {
          int release = count - heldBytes;
          emit(held, 0, release);
          System.arraycopy(held, release, held, 0, count - release);
          count -= release;
        }
      }

      private void emit(byte[] b, int off, int len) throws IOException {
        out.write(b, off, len);
        sha256.update(b, off, len);
        written += len;
      }

      /** Writes the held tail with the footer made process-independent ({@link ParquetFooters}). */
      @Override
      public void close() throws IOException {
        if (closed) {
          return;
        }
        closed = true;
        try {
          byte[] tail = ParquetFooters.withSortedEncodings(held, count);
          emit(tail, 0, tail.length);
        } finally {
          out.close();
        }
      }
    };
  }

  @Override
  public PositionOutputStream createOrOverwrite(long blockSizeHint) {
    return create(blockSizeHint);
  }

  @Override
  public boolean supportsBlockSize() {
    return false;
  }

  @Override
  public long defaultBlockSize() {
    return 0;
  }

  @Override
  public String getPath() {
    return name;
  }

}
