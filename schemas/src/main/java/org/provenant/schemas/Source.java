package org.provenant.schemas;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import java.io.Serializable;

/**
 * Where a document came from: the input file and the byte offset of its record, plus what the
 * record says about itself. Fields other than {@code uri} and {@code offset} are null when the
 * input does not carry them. Mirrors the {@code Source} record of {@code document.avsc}.
 */
public record Source(
    String uri,
    long offset,
    String recordId,
    String url,
    String date,
    String path,
    String packageName,
    String version,
    String contentType,
    Integer httpStatus,
    String payloadDigest,
    String sha256,
    String archiveSha256)
    implements Serializable {

  public Source {
    requireNonNull(uri, "uri");
    checkArgument(offset >= 0, "offset is negative: %s", offset);
  }

  /** A builder starting from an input file and a record offset. */
  public static Builder builder(String uri, long offset) {
    return new Builder(uri, offset);
  }

  /** A builder holding this source's values. */
  public Builder toBuilder() {
    return new Builder(uri, offset)
        .recordId(recordId)
        .url(url)
        .date(date)
        .path(path)
        .packageName(packageName)
        .version(version)
        .contentType(contentType)
        .httpStatus(httpStatus)
        .payloadDigest(payloadDigest)
        .sha256(sha256)
        .archiveSha256(archiveSha256);
  }

  /** Fluent builder for {@link Source}; call order does not matter. */
  public static final class Builder {
    private final String uri;
    private final long offset;
    private String recordId;
    private String url;
    private String date;
    private String path;
    private String packageName;
    private String version;
    private String contentType;
    private Integer httpStatus;
    private String payloadDigest;
    private String sha256;
    private String archiveSha256;

    private Builder(String uri, long offset) {
      this.uri = uri;
      this.offset = offset;
    }

    public Builder recordId(String v) {
      this.recordId = v;
      return this;
    }

    public Builder url(String v) {
      this.url = v;
      return this;
    }

    public Builder date(String v) {
      this.date = v;
      return this;
    }

    public Builder path(String v) {
      this.path = v;
      return this;
    }

    public Builder packageName(String v) {
      this.packageName = v;
      return this;
    }

    public Builder version(String v) {
      this.version = v;
      return this;
    }

    public Builder contentType(String v) {
      this.contentType = v;
      return this;
    }

    public Builder httpStatus(Integer v) {
      this.httpStatus = v;
      return this;
    }

    public Builder payloadDigest(String v) {
      this.payloadDigest = v;
      return this;
    }

    /** Hex sha256 of the file's bytes (code corpora). */
    public Builder sha256(String v) {
      this.sha256 = v;
      return this;
    }

    /** Hex sha256 of the archive holding the file (code corpora). */
    public Builder archiveSha256(String v) {
      this.archiveSha256 = v;
      return this;
    }

    public Source build() {
      return new Source(
          uri, offset, recordId, url, date, path, packageName, version, contentType, httpStatus,
          payloadDigest, sha256, archiveSha256);
    }
  }
}
