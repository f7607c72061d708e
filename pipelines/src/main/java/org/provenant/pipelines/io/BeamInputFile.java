package org.provenant.pipelines.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.ResourceId;
import org.apache.parquet.io.DelegatingSeekableInputStream;
import org.apache.parquet.io.InputFile;
import org.apache.parquet.io.SeekableInputStream;

/** A Parquet {@link InputFile} over any Beam filesystem, read through a seekable channel. */
public final class BeamInputFile implements InputFile {
  private final ResourceId resource;
  private final long length;

  public BeamInputFile(ResourceId resource, long length) {
    this.resource = resource;
    this.length = length;
  }

  @Override
  public long getLength() {
    return length;
  }

  @Override
  public SeekableInputStream newStream() throws IOException {
    SeekableByteChannel ch = (SeekableByteChannel) FileSystems.open(resource);
    return new DelegatingSeekableInputStream(java.nio.channels.Channels.newInputStream(ch)) {
      @Override
      public long getPos() throws IOException {
        return ch.position();
      }

      @Override
      public void seek(long newPos) throws IOException {
        ch.position(newPos);
      }

      @Override
      public int read(ByteBuffer buf) throws IOException {
        return ch.read(buf);
      }

      @Override
      public void readFully(ByteBuffer buf) throws IOException {
        while (buf.hasRemaining()) {
          if (ch.read(buf) < 0) {
            throw new java.io.EOFException("unexpected end of " + resource);
          }
        }
      }

      @Override
      public void close() throws IOException {
        ch.close();
      }
    };
  }
}
