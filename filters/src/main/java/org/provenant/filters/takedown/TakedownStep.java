package org.provenant.filters.takedown;

import static java.util.Objects.requireNonNull;

import java.util.Optional;
import org.provenant.filters.step.DocumentStep;
import org.provenant.filters.step.Outcome;
import org.provenant.schemas.Document;
import org.provenant.schemas.LineageEntry;

/**
 * Applies removal requests while curating: a document a request names directly is rejected with
 * reason {@value #TAKEDOWN} and a detail that starts with the request id ({@link #detail}). The
 * same reason and detail shape mark documents removed from a finished release by {@code
 * provenant takedown}.
 */
public final class TakedownStep implements DocumentStep {
  private static final long serialVersionUID = 1L;
  public static final String STEP_ID = "takedown@1";
  public static final String TAKEDOWN = "takedown";

  private final transient TakedownMatcher matcher;

  public TakedownStep(TakedownMatcher matcher) {
    this.matcher = requireNonNull(matcher, "matcher");
  }

  @Override
  public String id() {
    return STEP_ID;
  }

  @Override
  public Outcome apply(Document document) {
    Optional<TakedownMatcher.Match> m = matcher.match(document);
    if (m.isEmpty()) {
      return Outcome.keep(document.withStep(new LineageEntry(STEP_ID, LineageEntry.OK, "no request of " + matcher.requests().size())));
    }
    return Outcome.reject(document.reject(STEP_ID, TAKEDOWN, detail(m.get().request(), m.get().request().describe())));
  }

  /** {@code request R-1 (2026-11-30): url https://x.example/a}: the request first, then why. */
  public static String detail(TakedownRequest r, String why) {
    return "request " + r.requestId() + (r.date() == null ? "" : " (" + r.date() + ")") + ": " + why;
  }
}
