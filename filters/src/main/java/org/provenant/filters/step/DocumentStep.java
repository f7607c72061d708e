package org.provenant.filters.step;

import java.io.Serializable;
import org.provenant.schemas.Document;

/**
 * One named, versioned curation step over documents (a filter, a transformer, an annotator). A step
 * appends its own {@link org.provenant.schemas.LineageEntry} to a kept document and rejects with a
 * stable reason code. Implementations are plain Java, immutable, and built once per worker.
 */
public interface DocumentStep extends Serializable {
  /** Name and version as written in lineage and rejections, e.g. {@code gopher_quality@1}. */
  String id();

  Outcome apply(Document document);
}
