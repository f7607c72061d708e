package org.provenant.pipelines;

import com.google.common.collect.ImmutableList;
import java.io.Serializable;
import java.util.List;
import org.provenant.pipelines.config.CurationConfig;
import org.provenant.schemas.manifest.MavenRepositoryEntry;
import org.provenant.schemas.manifest.RunManifest.ToolInfo;

/**
 * Everything one curation run needs besides the Beam options: the input files (already matched
 * and sorted by the driver), the output directory, the configuration, and what the manifest says
 * about the run, including the Maven repository poms were looked up in and why that one.
 */
public record CurationRun(
    List<String> inputs, String outputDir, CurationConfig config, ToolInfo tool, String runner, String startedAt,
    MavenRepositoryEntry mavenRepository)
    implements Serializable {
  public CurationRun {
    inputs = ImmutableList.copyOf(inputs);
    if (inputs.isEmpty()) {
      throw new IllegalArgumentException("no input files");
    }
  }

  /** A run whose Maven repository, if any, is the one its configuration names. */
  public CurationRun(List<String> inputs, String outputDir, CurationConfig config, ToolInfo tool, String runner, String startedAt) {
    this(inputs, outputDir, config, tool, runner, startedAt, config.read().code().repository().isEmpty() ? null
        : new MavenRepositoryEntry(config.read().code().repository().get(), MavenRepositoryEntry.CONFIG));
  }
}
