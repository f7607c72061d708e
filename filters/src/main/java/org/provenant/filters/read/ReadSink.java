package org.provenant.filters.read;

import org.provenant.schemas.Rejection;

/** Receives what an input reader finds, in file order: candidates, and candidates it could not read. */
public interface ReadSink {
  void candidate(Candidate candidate);

  void rejected(Rejection rejection);
}
