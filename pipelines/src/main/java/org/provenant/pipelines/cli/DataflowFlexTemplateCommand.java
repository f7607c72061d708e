package org.provenant.pipelines.cli;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.apache.beam.sdk.util.construction.resources.PipelineResources;
import org.provenant.pipelines.dataflow.FlexTemplateSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code provenant dataflow-flex-template}: writes, offline, what a Dataflow Flex Template of
 * {@code curate} is built from: metadata.json, the template spec file, a Dockerfile for the launcher
 * image and the jars of this process's classpath (directories zipped into jars, as Beam stages them).
 */
@Command(name = "dataflow-flex-template", mixinStandardHelpOptions = true,
    description = {"Write a Dataflow Flex Template of curate into DIR: metadata.json (for gcloud dataflow flex-template build --metadata-file),",
        "flex-template.json (the template spec file that command writes), Dockerfile (the launcher image) and lib/ (the jars).",
        "Nothing is built, pushed or uploaded."})
final class DataflowFlexTemplateCommand implements Callable<Integer> {
  static final String METADATA = "metadata.json";
  static final String TEMPLATE_FILE = "flex-template.json";
  static final String DOCKERFILE = "Dockerfile";

  @Option(names = "--image", required = true, paramLabel = "IMAGE",
      description = "The launcher image the template names, e.g. europe-west1-docker.pkg.dev/P/R/provenant:0.1.0.")
  String image;

  @Option(names = "--output", required = true, paramLabel = "DIR", description = "Directory to write into (must be empty or absent).")
  Path output;

  /** What was written: the jar files in lib/, in classpath order, and their total size. */
  record Written(Path dir, List<Path> jars, long jarBytes) {}

  @Override
  public Integer call() throws IOException {
    List<String> classpath = List.of(System.getProperty("java.class.path").split(File.pathSeparator));
    Written w = write(output, image, classpath);
    Main.OUT.printf("wrote %s, %s, %s and %d jars (%,.1f MB) in %s%n", METADATA, TEMPLATE_FILE, DOCKERFILE, w.jars().size(),
        w.jarBytes() / 1e6, w.dir());
    Main.OUT.println("next (not run here): docker build -t " + image + " " + w.dir() + " && docker push " + image
        + "; gcloud dataflow flex-template build gs://BUCKET/provenant.json --image " + image + " --sdk-language JAVA --metadata-file "
        + w.dir().resolve(METADATA));
    return 0;
  }

  /** Writes the template of {@code image} into {@code dir} with the jars of {@code classpath}; absent entries are skipped. */
  static Written write(Path dir, String image, List<String> classpath) throws IOException {
    try {
      FlexTemplateSpec.checkImage(image);
    } catch (IllegalArgumentException e) {
      throw new UserError("--image: " + e.getMessage());
    }
    Path root = dir.toAbsolutePath().normalize();
    if (Files.exists(root)) {
      boolean empty;
      try (Stream<Path> s = Files.list(root)) {
        empty = s.findAny().isEmpty();
      } catch (java.nio.file.NotDirectoryException e) {
        throw new UserError("output " + root + " exists and is not a directory");
      }
      if (!empty) {
        throw new UserError("output directory " + root + " is not empty");
      }
    }
    Path lib = Files.createDirectories(root.resolve(FlexTemplateSpec.LIB_DIR));
    List<String> present = classpath.stream().filter(e -> !e.isBlank() && Files.exists(Path.of(e))).toList();
    if (present.isEmpty()) {
      throw new UserError("the classpath holds no jar or directory to put into the image");
    }
    // Beam's own staging step: jars as they are, each directory zipped into a jar (written into lib/)
    List<String> staged = PipelineResources.prepareFilesForStaging(present, lib.toString());
    List<Path> jars = new ArrayList<>();
    long bytes = 0;
    for (String s : staged) {
      Path src = Path.of(s);
      Path target = lib.resolve(src.getFileName().toString());
      if (!src.toAbsolutePath().normalize().equals(target)) {
        if (Files.exists(target)) {
          throw new UserError("two classpath entries are both named " + src.getFileName() + ": " + src + " and " + target);
        }
        Files.copy(src, target);
      }
      jars.add(target);
      bytes += Files.size(target);
    }
    Files.writeString(root.resolve(METADATA), FlexTemplateSpec.toJson(FlexTemplateSpec.metadata()), StandardCharsets.UTF_8);
    Files.writeString(root.resolve(TEMPLATE_FILE), FlexTemplateSpec.toGcloudJson(FlexTemplateSpec.templateFile(image)), StandardCharsets.UTF_8);
    Files.writeString(root.resolve(DOCKERFILE), FlexTemplateSpec.dockerfile(), StandardCharsets.UTF_8);
    return new Written(root, List.copyOf(jars), bytes);
  }
}
