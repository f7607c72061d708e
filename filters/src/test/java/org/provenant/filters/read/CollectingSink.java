package org.provenant.filters.read;

import java.util.ArrayList;
import java.util.List;
import org.provenant.schemas.Rejection;

/** Test sink that keeps what a reader emits, in order. */
final class CollectingSink implements ReadSink {
  final List<Candidate> candidates = new ArrayList<>();
  final List<Rejection> rejections = new ArrayList<>();

  @Override
  public void candidate(Candidate c) {
    candidates.add(c);
  }

  @Override
  public void rejected(Rejection r) {
    rejections.add(r);
  }
}
