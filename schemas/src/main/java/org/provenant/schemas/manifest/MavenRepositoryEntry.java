package org.provenant.schemas.manifest;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * The Maven repository a run looked up the poms of jars read alone in ({@code
 * read.code.maven_repository}), and why that one: {@link #CONFIG} when the configuration named
 * it, {@link #DEFAULT} when none was named and {@code ~/.m2/repository} existed. The same
 * location is in the run's configuration, so it is part of {@code config_sha256}.
 */
@JsonPropertyOrder({"uri", "chosen_by"})
public record MavenRepositoryEntry(@JsonProperty("uri") String uri, @JsonProperty("chosen_by") String chosenBy)
    implements java.io.Serializable {
  /** The configuration named the repository. */
  public static final String CONFIG = "read.code.maven_repository";
  /** No repository was named and {@code ~/.m2/repository} existed. */
  public static final String DEFAULT = "default: ~/.m2/repository exists and no read.code.maven_repository was named";
}
