package org.provenant.pipelines.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.io.BoundedSource;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.beam.sdk.testing.SourceTestUtils;
import org.junit.jupiter.api.Test;
import org.provenant.pipelines.io.InputFilesSource.InputFile;

class InputFilesSourceTest {
  private static final List<InputFile> FILES = List.of(
      new InputFile("file:///in/b.warc.gz", 300), new InputFile("file:///in/a.warc.gz", 300),
      new InputFile("file:///in/c.warc.gz", 900), new InputFile("file:///in/d.warc.gz", 10), new InputFile("file:///in/e.warc.gz", 0));

  @Test
  void readsLargestFirstThenByUri() throws Exception {
    InputFilesSource s = InputFilesSource.of(FILES);
    assertEquals(List.of("file:///in/c.warc.gz", "file:///in/a.warc.gz", "file:///in/b.warc.gz", "file:///in/d.warc.gz", "file:///in/e.warc.gz"),
        SourceTestUtils.readFromSource(s, PipelineOptionsFactory.create()));
    assertEquals(1510, s.getEstimatedSizeBytes(PipelineOptionsFactory.create()));
  }

  @Test
  void splitsOneFileEachSmallestFirstSoThatFlinksAssignerHandsOutTheLargestFirst() throws Exception {
    List<? extends BoundedSource<String>> splits = InputFilesSource.of(FILES).split(1, PipelineOptionsFactory.create());
    List<String> order = new ArrayList<>();
    for (BoundedSource<String> split : splits) {
      order.addAll(SourceTestUtils.readFromSource(split, PipelineOptionsFactory.create()));
    }
    assertEquals(List.of("file:///in/e.warc.gz", "file:///in/d.warc.gz", "file:///in/b.warc.gz", "file:///in/a.warc.gz", "file:///in/c.warc.gz"), order);
    // the splits together read exactly what the whole source reads
    SourceTestUtils.assertSourcesEqualReferenceSource(InputFilesSource.of(FILES), splits, PipelineOptionsFactory.create());
  }
}
