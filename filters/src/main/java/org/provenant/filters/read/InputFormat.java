package org.provenant.filters.read;

import java.util.Locale;
import java.util.Optional;

/** The input formats Provenant reads, recognised by file name. */
public enum InputFormat {
  WARC("warc"),
  JSONL("jsonl"),
  PARQUET("parquet"),
  /** A code package archive, read by {@code org.provenant.filters.code.CodePackageReader}; directories are code packages too. */
  CODE("code");

  private final String code;

  InputFormat(String code) {
    this.code = code;
  }

  public String code() {
    return code;
  }

  /**
   * The format of a file by its name: {@code .warc}, {@code .warc.gz}, {@code .wet}, {@code
   * .warc.wet.gz} (and any {@code .gz}-compressed WARC), {@code .jsonl}, {@code .jsonl.gz}, {@code
   * .jsonl.zst}, {@code .json.gz} (Dolma), {@code .parquet}; code packages: {@code .zip}, {@code
   * .jar}, {@code .tar}, {@code .tar.gz}, {@code .tgz}, {@code .tar.zst}, {@code .tzst}.
   */
  public static Optional<InputFormat> forFileName(String name) {
    String n = name.toLowerCase(Locale.ROOT);
    if (n.endsWith(".warc") || n.endsWith(".warc.gz") || n.endsWith(".wet") || n.endsWith(".wet.gz")) {
      return Optional.of(WARC);
    }
    if (n.endsWith(".jsonl") || n.endsWith(".jsonl.gz") || n.endsWith(".jsonl.zst") || n.endsWith(".json.gz") || n.endsWith(".json.zst")) {
      return Optional.of(JSONL);
    }
    if (n.endsWith(".parquet")) {
      return Optional.of(PARQUET);
    }
    if (n.endsWith(".zip") || n.endsWith(".jar") || n.endsWith(".tar") || n.endsWith(".tar.gz") || n.endsWith(".tgz")
        || n.endsWith(".tar.zst") || n.endsWith(".tzst")) {
      return Optional.of(CODE);
    }
    return Optional.empty();
  }
}
