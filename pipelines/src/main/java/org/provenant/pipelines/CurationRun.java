package org.provenant.pipelines;

import com.google.common.collect.ImmutableList;
import java.io.Serializable;
import java.util.List;
import org.provenant.pipelines.config.CurationConfig;
import org.provenant.schemas.manifest.RunManifest.ToolInfo;

/**
 * Everything one curation run needs besides the Beam options: the input files (already matched
 * and sorted by the driver), the output directory, the configuration, and what the manifest says
 * about the run.
 */
public record CurationRun(
    List<String> inputs, String outputDir, CurationConfig config, ToolInfo tool, String runner, String startedAt)
    implements Serializable {
  public CurationRun {
    inputs = ImmutableList.copyOf(inputs);
    if (inputs.isEmpty()) {
      throw new IllegalArgumentException("no input files");
    }
  }
}
