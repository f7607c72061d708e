package org.provenant.pipelines.config;

import java.nio.file.Files;
import java.nio.file.Path;
import org.provenant.schemas.manifest.MavenRepositoryEntry;

/**
 * Which Maven repository a {@code curate} run looks jars' poms up in: the one {@code
 * read.code.maven_repository} names; none when it says {@value CurationConfig.Code#NO_MAVEN_REPOSITORY};
 * else {@code ~/.m2/repository} when that directory exists (what Maven itself fills when it
 * fetches a jar), written into the configuration as an absolute path so that it is part of {@code
 * config_sha256}, and into the manifest with why it was chosen.
 *
 * @param config the configuration the run uses (with the default repository filled in)
 * @param entry what the manifest records; null when no repository is used
 */
public record MavenRepositoryChoice(CurationConfig config, MavenRepositoryEntry entry) {
  /** The choice for {@code config} on a machine whose home directory is {@code home}. */
  public static MavenRepositoryChoice of(CurationConfig config, Path home) {
    CurationConfig.Code code = config.read().code();
    if (code.mavenRepository() != null) {
      return new MavenRepositoryChoice(config, code.repository()
          .map(r -> new MavenRepositoryEntry(r, MavenRepositoryEntry.CONFIG)).orElse(null));
    }
    Path m2 = home == null ? null : home.resolve(".m2").resolve("repository");
    if (m2 == null || !Files.isDirectory(m2)) {
      return new MavenRepositoryChoice(config, null);
    }
    String uri = m2.toAbsolutePath().normalize().toString();
    CurationConfig withRepo = config.withRead(config.read().withCode(code.withMavenRepository(uri)));
    return new MavenRepositoryChoice(withRepo, new MavenRepositoryEntry(uri, MavenRepositoryEntry.DEFAULT));
  }
}
