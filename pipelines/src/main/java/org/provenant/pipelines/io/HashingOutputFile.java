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
 * no second read.
 */
public final class HashingOutputFile implements OutputFile {
  private final WritableByteChannel channel;
  private final String name;
  private final MessageDigest sha256;
  private long written;

  public HashingOutputFile(WritableByteChannel channel, String name) {
    this.channel = channel;
    this.name = name;
    try {
      this.sha256 = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

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
      @Override
      public long getPos() {
        return written;
      }

      @Override
      public void write(int b) throws IOException {
        out.write(b);
        sha256.update((byte) b);
        written++;
      }

      @Override
      public void write(byte[] b, int off, int len) throws IOException {
        out.write(b, off, len);
        sha256.update(b, off, len);
        written += len;
      }

      @Override
      public void close() throws IOException {
        out.close();
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
