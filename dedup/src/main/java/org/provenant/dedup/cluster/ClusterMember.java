package org.provenant.dedup.cluster;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import java.io.Serializable;
import java.time.Instant;
import org.provenant.schemas.Document;

/**
 * What the survivor rule needs to know about one document of a duplicate cluster: a few bytes to
 * shuffle instead of the whole document.
 *
 * @param id the document id
 * @param crawlDate when it was crawled ({@code source.date}), null when unknown or unparseable
 * @param textLength its text length in UTF-16 code units
 * @param licence its SPDX licence id or expression, null when unknown
 */
public record ClusterMember(String id, Instant crawlDate, int textLength, String licence)
    implements Serializable {

  public ClusterMember {
    requireNonNull(id, "id");
    checkArgument(textLength >= 0, "textLength is negative: %s", textLength);
  }

  /** The member for {@code document}; an unparseable date becomes null (see {@link CrawlDates}). */
  public static ClusterMember of(Document document) {
    requireNonNull(document, "document");
    return new ClusterMember(
        document.id(),
        CrawlDates.parse(document.source().date()).orElse(null),
        document.text().length(),
        document.license().spdx());
  }
}
