package org.provenant.filters.step;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * How steps read the files their parameters name (block-lists, word lists, robots.txt WARCs): a
 * replaceable file system, so that the same configuration works with local paths in tests and
 * with any URI the pipeline's file systems know ({@code gs://...} on Dataflow) on workers. The
 * default reads local paths; the pipeline installs one backed by Beam's {@code FileSystems}.
 */
public final class StepFiles {
  /** Matches and opens the files steps read. */
  public interface Opener {
    /** The files a path or glob (in its last segment) names, sorted; empty when none. */
    List<String> match(String spec) throws IOException;

    InputStream open(String file) throws IOException;
  }

  private static final Opener LOCAL = new Opener() {
    @Override
    public List<String> match(String spec) throws IOException {
      Path p = Paths.get(spec);
      String name = p.getFileName() == null ? "" : p.getFileName().toString();
      TreeSet<String> out = new TreeSet<>();
      if (name.contains("*") || name.contains("?") || name.contains("[") || name.contains("{")) {
        Path dir = p.toAbsolutePath().getParent();
        if (!Files.isDirectory(dir)) {
          return List.of();
        }
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, name)) {
          for (Path f : ds) {
            if (Files.isRegularFile(f)) {
              out.add(f.toAbsolutePath().normalize().toString());
            }
          }
        }
      } else if (Files.isRegularFile(p)) {
        out.add(p.toAbsolutePath().normalize().toString());
      }
      return new ArrayList<>(out);
    }

    @Override
    public InputStream open(String file) throws IOException {
      return Files.newInputStream(Paths.get(file));
    }
  };

  private static volatile Opener opener = LOCAL;

  private StepFiles() {}

  /** Makes steps built from now on in this JVM read through {@code o}. */
  public static void use(Opener o) {
    opener = o == null ? LOCAL : o;
  }

  /**
   * The files {@code specs} name, sorted and de-duplicated.
   *
   * @throws IllegalArgumentException {@code step NAME, parameter PARAM: no file matches SPEC}
   */
  public static List<String> files(String step, String param, List<String> specs) {
    TreeSet<String> out = new TreeSet<>();
    for (String spec : specs) {
      if (spec.isBlank()) {
        continue;
      }
      List<String> found;
      try {
        found = opener.match(spec);
      } catch (IOException e) {
        throw new IllegalArgumentException("step " + step + ", parameter " + param + ": cannot list " + spec + ": " + e.getMessage());
      }
      if (found.isEmpty()) {
        throw new IllegalArgumentException("step " + step + ", parameter " + param + ": no file matches " + spec);
      }
      out.addAll(found);
    }
    return new ArrayList<>(out);
  }

  /** Opens one file found by {@link #files}. */
  public static InputStream open(String file) throws IOException {
    try {
      return opener.open(file);
    } catch (NoSuchFileException e) {
      throw new IOException("no such file: " + file, e);
    }
  }
}
