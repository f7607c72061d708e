package org.provenant.pipelines.release;

import java.util.List;
import org.apache.beam.sdk.options.Description;
import org.apache.beam.sdk.options.PipelineOptions;

/**
 * Beam options that name the dataset a run releases; {@code curate --release-name ...} sets them.
 * Every one is optional: the dataset card and croissant.json fall back to {@link ReleaseInfo}'s defaults.
 */
public interface ReleaseOptions extends PipelineOptions {
  @Description("Dataset name for croissant.json and README.md (default: the output directory's name).")
  String getReleaseName();

  void setReleaseName(String value);

  @Description("One-paragraph dataset description.")
  String getReleaseDescription();

  void setReleaseDescription(String value);

  @Description("Licence of the released dataset as a whole: SPDX id or URL.")
  String getReleaseLicense();

  void setReleaseLicense(String value);

  @Description("Creators (people or organisations), comma-separated.")
  List<String> getReleaseCreators();

  void setReleaseCreators(List<String> value);

  @Description("Home page of the dataset.")
  String getReleaseUrl();

  void setReleaseUrl(String value);

  @Description("Version of the dataset.")
  String getReleaseVersion();

  void setReleaseVersion(String value);
}
