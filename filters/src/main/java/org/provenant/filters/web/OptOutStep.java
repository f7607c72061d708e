package org.provenant.filters.web;

import com.google.common.collect.ImmutableSortedSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.provenant.filters.step.DocumentStep;
import org.provenant.filters.step.Outcome;
import org.provenant.schemas.Document;
import org.provenant.schemas.LineageEntry;
import org.provenant.schemas.Signals.OptOutSignal;

/**
 * The AI opt-out policy: rejects a page that reserves itself against AI training, with reason
 * {@code optout_<signal>} ({@code optout_noai}, {@code optout_tdm_reservation}, {@code
 * optout_content_usage}, {@code optout_robots_txt}) and the statement as the detail. The statements
 * in the page's headers and metas were read at extraction ({@link OptOutDetector}); this step adds
 * the robots.txt rules of the page's site when a {@link RobotsIndex} is given. Which signals reject
 * is configurable; by default {@code noimageai} is recorded but does not reject a text document,
 * since it reserves a page's images only.
 */
public final class OptOutStep implements DocumentStep {
  private static final long serialVersionUID = 1L;
  public static final String STEP_ID = "optout@1";
  public static final Set<String> DEFAULT_REJECTING = ImmutableSortedSet.of(
      OptOutDetector.NOAI, OptOutDetector.TDM_RESERVATION, OptOutDetector.CONTENT_USAGE, OptOutDetector.ROBOTS_TXT);
  public static final Set<String> KNOWN = ImmutableSortedSet.of(
      OptOutDetector.NOAI, OptOutDetector.NOIMAGEAI, OptOutDetector.TDM_RESERVATION,
      OptOutDetector.CONTENT_USAGE, OptOutDetector.ROBOTS_TXT);

  private final ImmutableSortedSet<String> rejecting;
  private final RobotsIndex robots;
  private final boolean robotsWildcard;

  /**
   * @param rejecting the signals that reject when they reserve the page (from {@link #KNOWN})
   * @param robots the crawl's robots.txt files, or null when none were given
   * @param robotsWildcard whether a {@code User-agent: *} disallow also counts as an AI opt-out
   */
  public OptOutStep(Iterable<String> rejecting, RobotsIndex robots, boolean robotsWildcard) {
    this.rejecting = ImmutableSortedSet.copyOf(rejecting);
    for (String s : this.rejecting) {
      if (!KNOWN.contains(s)) {
        throw new IllegalArgumentException("unknown opt-out signal \"" + s + "\"; known: " + KNOWN);
      }
    }
    this.robots = robots;
    this.robotsWildcard = robotsWildcard;
  }

  @Override
  public String id() {
    return STEP_ID;
  }

  @Override
  public Outcome apply(Document document) {
    Document d = document;
    if (robots != null && document.source().url() != null) {
      List<OptOutSignal> fromRobots = robots.reservationsFor(document.source().url(), robotsWildcard);
      if (!fromRobots.isEmpty()) {
        d = d.withSignals(d.signals().plusOptOut(fromRobots));
      }
    }
    List<String> notes = new ArrayList<>();
    for (OptOutSignal s : d.signals().optOut()) {
      if (s.reserved() && rejecting.contains(s.signal())) {
        return Outcome.reject(d.reject(STEP_ID, "optout_" + s.signal(), s.location() + ": " + s.value()));
      }
      notes.add(s.signal() + (s.reserved() ? " (not rejecting)" : " (allows)") + " in " + s.location());
    }
    String detail = notes.isEmpty() ? "no opt-out statement" : String.join("; ", notes);
    return Outcome.keep(d.withStep(new LineageEntry(STEP_ID, LineageEntry.OK, detail)));
  }
}
