package org.provenant.filters.code;

import static com.google.common.base.Preconditions.checkArgument;

import java.io.Serializable;

/**
 * The safety limits of {@link CodePackageReader}, set by the {@code read.code} section of the
 * configuration.
 *
 * @param maxFileBytes largest file kept, in bytes; a larger one is {@code file_too_large}
 *     (default 1 MiB, The Stack's cut-off)
 * @param maxArchiveBytes most bytes decompressed from one archive, skipped bytes included; beyond
 *     it the archive stops with one {@code decompression_bomb} row (default 1 GiB)
 * @param maxCompressionRatio largest ratio of an entry's decompressed bytes to the compressed bytes
 *     read for it, checked once an entry has given {@link #RATIO_CHECK_FROM_BYTES}; beyond it the
 *     entry is {@code decompression_bomb} (default 100, Apache POI's {@code ZipSecureFile} default)
 * @param maxEntries most entries read from one archive or directory; beyond it the package stops
 *     with one {@code too_many_entries} row (default 100,000)
 * @param latin1Fallback whether text that is not UTF-8 but holds no C0/C1 control characters is
 *     read as ISO-8859-1 instead of being {@code decode_error} (default true)
 */
public record CodeReadLimits(
    long maxFileBytes, long maxArchiveBytes, double maxCompressionRatio, int maxEntries, boolean latin1Fallback)
    implements Serializable {
  public static final long DEFAULT_MAX_FILE_BYTES = 1L << 20;
  public static final long DEFAULT_MAX_ARCHIVE_BYTES = 1L << 30;
  public static final double DEFAULT_MAX_COMPRESSION_RATIO = 100;
  public static final int DEFAULT_MAX_ENTRIES = 100_000;
  public static final boolean DEFAULT_LATIN1_FALLBACK = true;
  /** An entry's ratio is checked once it has given this many decompressed bytes (1 MiB). */
  public static final long RATIO_CHECK_FROM_BYTES = 1L << 20;

  public static final CodeReadLimits DEFAULTS =
      new CodeReadLimits(DEFAULT_MAX_FILE_BYTES, DEFAULT_MAX_ARCHIVE_BYTES, DEFAULT_MAX_COMPRESSION_RATIO,
          DEFAULT_MAX_ENTRIES, DEFAULT_LATIN1_FALLBACK);

  public CodeReadLimits {
    checkArgument(maxFileBytes > 0 && maxFileBytes <= Integer.MAX_VALUE - 8, "read.code.max_file_bytes must be in 1..2^31-9: %s", maxFileBytes);
    checkArgument(maxArchiveBytes > 0, "read.code.max_archive_bytes must be positive: %s", maxArchiveBytes);
    checkArgument(maxCompressionRatio >= 1, "read.code.max_compression_ratio must be at least 1: %s", maxCompressionRatio);
    checkArgument(maxEntries > 0, "read.code.max_entries must be positive: %s", maxEntries);
  }
}
