package org.provenant.pipelines.io;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.NoSuchElementException;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.io.BoundedSource;
import org.apache.beam.sdk.options.PipelineOptions;

/**
 * The input files of a run as a bounded source of their URIs, one split per file, so that a runner
 * that hands splits to idle workers (Flink's batch input-split assigner, Dataflow's work items)
 * balances the reading by itself: a worker that finished its file asks for the next one. Splits are
 * listed smallest first because Flink's default assigner takes from the end of the list: the largest
 * files are read first and the small ones fill the gaps at the end (longest-processing-time first),
 * which a random shuffle of the files cannot do. Placement changes where a file is read, never what
 * is written.
 */
public final class InputFilesSource extends BoundedSource<String> {
  /** One input file and its size in bytes as seen when the pipeline was built (0 when unknown). */
  public record InputFile(String uri, long sizeBytes) implements java.io.Serializable {}

  private final List<InputFile> files;

  private InputFilesSource(List<InputFile> files) {
    this.files = List.copyOf(files);
  }

  /** A source of {@code files}, in the order reading should start: largest first, then by URI. */
  public static InputFilesSource of(List<InputFile> files) {
    List<InputFile> sorted = new ArrayList<>(files);
    sorted.sort(Comparator.comparingLong(InputFile::sizeBytes).reversed().thenComparing(InputFile::uri));
    return new InputFilesSource(sorted);
  }

  /** The files in reading order. */
  public List<InputFile> files() {
    return files;
  }

  /**
   * One source per file, smallest first: Flink's {@code DefaultInputSplitAssigner} hands out the
   * last split first. The desired bundle size is ignored; a file is never split here.
   */
  @Override
  public List<InputFilesSource> split(long desiredBundleSizeBytes, PipelineOptions options) {
    List<InputFilesSource> out = new ArrayList<>();
    for (int i = files.size() - 1; i >= 0; i--) {
      out.add(new InputFilesSource(List.of(files.get(i))));
    }
    return out;
  }

  @Override
  public long getEstimatedSizeBytes(PipelineOptions options) {
    return files.stream().mapToLong(InputFile::sizeBytes).sum();
  }

  @Override
  public BoundedReader<String> createReader(PipelineOptions options) {
    return new Reader(this);
  }

  @Override
  public Coder<String> getOutputCoder() {
    return StringUtf8Coder.of();
  }

  private static final class Reader extends BoundedReader<String> {
    private final InputFilesSource source;
    private int next = -1;

    Reader(InputFilesSource source) {
      this.source = source;
    }

    @Override
    public boolean start() {
      return advance();
    }

    @Override
    public boolean advance() {
      next++;
      return next < source.files.size();
    }

    @Override
    public String getCurrent() {
      if (next < 0 || next >= source.files.size()) {
        throw new NoSuchElementException();
      }
      return source.files.get(next).uri();
    }

    @Override
    public void close() {}

    @Override
    public BoundedSource<String> getCurrentSource() {
      return source;
    }
  }
}
