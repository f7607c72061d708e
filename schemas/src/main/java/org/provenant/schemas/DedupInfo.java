package org.provenant.schemas;

import java.io.Serializable;

/** The duplicate cluster a kept document stands for; both fields null when dedup did not run. */
public record DedupInfo(String clusterId, Integer clusterSize) implements Serializable {
  /** Dedup did not run. */
  public static final DedupInfo NONE = new DedupInfo(null, null);
}
