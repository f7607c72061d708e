package org.provenant.filters.license.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.provenant.filters.license.SpdxLicenseList;

/** Named licence texts the matcher benches and answer checks read, in a fixed order. */
public final class LicenseTexts {
  private LicenseTexts() {}

  /** Every non-deprecated SPDX licence text of the bundled list, by {@code spdx:<id>}. */
  public static Map<String, String> spdx() {
    Map<String, String> out = new LinkedHashMap<>();
    SpdxLicenseList list = SpdxLicenseList.get();
    list.licenses().values().stream().filter(e -> !e.deprecated())
        .forEach(e -> out.put("spdx:" + e.id(), list.details(e.id()).orElseThrow().text()));
    return out;
  }

  /**
   * Every file under {@code dir} (sorted by path, {@code .tsv} files left out) read as UTF-8, by
   * {@code <prefix><relative path>}; a file whose text holds a blank line also gives the text after
   * it (licensecheck's test files open with a header), by {@code <prefix><path>#body}.
   */
  public static Map<String, String> files(Path dir, String prefix) {
    Map<String, String> out = new LinkedHashMap<>();
    List<Path> paths;
    try (Stream<Path> s = Files.walk(dir)) {
      paths = s.filter(Files::isRegularFile).filter(p -> !p.toString().endsWith(".tsv")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    for (Path p : paths) {
      String text;
      try {
        text = new String(Files.readAllBytes(p), StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      String name = prefix + dir.relativize(p);
      out.put(name, text);
      int cut = text.indexOf("\n\n");
      if (cut >= 0) {
        out.put(name + "#body", text.substring(cut + 2));
      }
    }
    return out;
  }
}
