package org.provenant.pipelines.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.EmptyMatchTreatment;
import org.apache.beam.sdk.io.fs.MatchResult;
import org.provenant.filters.step.StepFiles;

/**
 * Step files through Beam's {@link FileSystems}: the paths in a step's parameters may be any URI a
 * file system on the classpath handles ({@code gs://} on Dataflow), and are read by each worker
 * where it builds its steps. A path without a scheme is a local path, made absolute.
 */
public final class BeamStepFiles implements StepFiles.Opener {
  public static final BeamStepFiles INSTANCE = new BeamStepFiles();

  private BeamStepFiles() {}

  @Override
  public List<String> match(String spec) throws IOException {
    String s = spec.matches("^[a-zA-Z][a-zA-Z0-9+.-]+://.*") ? spec : Paths.get(spec).toAbsolutePath().normalize().toString();
    MatchResult m = FileSystems.match(s, EmptyMatchTreatment.ALLOW);
    if (m.status() == MatchResult.Status.NOT_FOUND) {
      return List.of();
    }
    List<String> out = new ArrayList<>();
    for (MatchResult.Metadata md : m.metadata()) {
      if (!md.resourceId().isDirectory()) {
        out.add(md.resourceId().toString());
      }
    }
    out.sort(null);
    return out;
  }

  @Override
  public InputStream open(String file) throws IOException {
    return Channels.newInputStream(FileSystems.open(FileSystems.matchSingleFileSpec(file).resourceId()));
  }
}
