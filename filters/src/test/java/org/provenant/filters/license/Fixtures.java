package org.provenant.filters.license;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Small licence texts written for these tests, and standard texts from the bundled SPDX list. */
final class Fixtures {
  private Fixtures() {}

  static String resource(String name) {
    try (InputStream in = Fixtures.class.getResourceAsStream("/license/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The standard text of a listed licence as published in the SPDX list. */
  static String spdxText(String id) {
    return SpdxLicenseList.get().details(id).orElseThrow().text();
  }
}
