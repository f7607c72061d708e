package org.provenant.pipelines.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.provenant.pipelines.output.OutputDir;
import org.provenant.pipelines.release.Croissant;
import org.provenant.pipelines.release.ReleaseFiles;
import org.provenant.pipelines.release.ReleaseInfo;
import org.provenant.pipelines.release.Takedown;
import org.provenant.schemas.manifest.RunManifest;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code provenant takedown RELEASE_DIR --requests FILE --output NEW_DIR}: {@link Takedown} from the command line. */
@Command(name = "takedown", mixinStandardHelpOptions = true,
    description = {"Derive a release without what removal requests name: matched documents, their dedup clusters and their near",
        "duplicates (Jaccard >= --similarity) become rejected rows with reason takedown and the request id; the new manifest",
        "names the parent's manifest sha256 and the requests file's sha256, and verify checks the chain."})
final class TakedownCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "RELEASE_DIR")
  String dir;

  @Option(names = "--requests", required = true, paramLabel = "FILE",
      description = "JSONL: request_id, date, and one of url, url_prefix, domain, package (name[/version]), document_id, passage.")
  String requests;

  @Option(names = {"--output", "--out"}, required = true, paramLabel = "NEW_DIR", description = "Where the derived release is written.")
  String output;

  @Option(names = "--similarity", paramLabel = "J", defaultValue = "0.8",
      description = "Near duplicates of a matched document at this Jaccard or more go too (default: ${DEFAULT-VALUE}).")
  double similarity;

  @Option(names = "--overwrite", description = "Replace the contents of a non-empty NEW_DIR.")
  boolean overwrite;

  @CommandLine.Mixin
  Main.ReleaseFlags release = new Main.ReleaseFlags();

  @Override
  public Integer call() throws IOException {
    OutputDir parent = Main.finishedOutput(dir);
    byte[] bytes = Main.readRequests(requests);
    if (Path.of(output).toAbsolutePath().normalize().equals(Path.of(dir).toAbsolutePath().normalize())) {
      throw new UserError("--output must be a new directory, not the release itself");
    }
    String out = Curator.prepareOutput(output, overwrite);
    ReleaseInfo info = release.info();
    java.util.Optional<byte[]> croissant = OutputDir.readIfExists(parent.resolve(ReleaseFiles.CROISSANT));
    if (croissant.isPresent()) {
      // the creators, licence and home page carry over; the name, description and version are the new release's own
      ReleaseInfo p = ReleaseInfo.fromCroissant(Croissant.read(croissant.get()));
      info = info.orElse(new ReleaseInfo(null, null, p.license(), p.creators(), p.url(), null));
    }
    Takedown t;
    RunManifest m;
    try {
      t = Takedown.withThreshold(similarity);
      m = t.run(dir, requests, bytes, out, new RunManifest.ToolInfo("provenant", Curator.VERSION, Curator.gitCommit()), info);
    } catch (IllegalArgumentException e) {
      throw new UserError(e.getMessage());
    } catch (IOException e) {
      if (e.getMessage() != null && e.getMessage().startsWith(requests + ":")) {
        throw new UserError(e.getMessage());
      }
      throw e;
    }
    var d = m.derivation();
    Main.OUT.printf("removed %d document(s) (%s) by %d request(s); relabelled %d rejected duplicate(s); kept %d of %d%n",
        d.removed(), d.removedByMatch(), d.requestsCount(), d.relabelled(), m.counts().kept(), d.parentCounts().kept());
    Main.OUT.println("wrote " + out + " (parent manifest sha256 " + d.parentManifestSha256() + ")");
    return 0;
  }
}
