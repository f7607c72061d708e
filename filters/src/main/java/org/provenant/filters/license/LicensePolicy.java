package org.provenant.filters.license;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableSet;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.provenant.schemas.License;

/**
 * Decides whether a document may be kept given its licence ({@link License} or SPDX expression).
 *
 * <p>An id is judged by its base licence: {@code X+} and {@code X-or-later} as written, {@code X
 * WITH exception} as {@code X}. An id is <em>denied</em> if it is in the denied set, or if the
 * allowed set is non-empty and does not contain it; ids of unknown licence text ({@code
 * LicenseRef-provenant-unknown}, other {@code LicenseRef-} not allowed explicitly) are
 * <em>unknown</em>. {@code A AND B} passes when both pass; {@code A OR B} when at least one
 * alternative passes entirely. Entries ending in {@code *} match by prefix. Order of reasons:
 * conflict ({@code license_conflict}), no licence or invalid expression ({@code license_unknown},
 * unless unknowns are kept), a denied id ({@code license_denied:<ID>}, the first in the
 * expression), an unknown id ({@code license_unknown}, unless kept).
 *
 * <p>Presets: {@link #permissive()} (the default: Blue Oak rated permissive licences and public
 * domain, from {@code policy-permissive.txt}; copyleft never passes) and {@link #openWeb()}
 * (CC-BY-*, CC-BY-SA-*, CC0-1.0, {@code LicenseRef-PDM} public domain mark and {@code
 * LicenseRef-provenant-public-domain}, NC and ND variants denied; {@code policy-open-web.txt}).
 * Immutable and serializable; {@code with*} return copies.
 */
public final class LicensePolicy implements Serializable {
  private static final long serialVersionUID = 1L;

  /** What to do with a document whose licence is unknown. */
  public enum UnknownHandling { REJECT, KEEP }

  /** Name of the default preset. */
  public static final String PERMISSIVE = "permissive";
  /** Name of the web preset. */
  public static final String OPEN_WEB = "open_web";

  private final String name;
  private final ImmutableSet<String> allowed;
  private final ImmutableSet<String> denied;
  private final UnknownHandling unknown;
  private final boolean rejectConflicts;

  private LicensePolicy(String name, ImmutableSet<String> allowed, ImmutableSet<String> denied,
      UnknownHandling unknown, boolean rejectConflicts) {
    this.name = name;
    this.allowed = allowed;
    this.denied = denied;
    this.unknown = unknown;
    this.rejectConflicts = rejectConflicts;
  }

  /** The default: permissive and public-domain licences only, unknown and conflicts rejected. */
  public static LicensePolicy permissive() {
    return new LicensePolicy(PERMISSIVE, readList("policy-permissive.txt"), ImmutableSet.of(),
        UnknownHandling.REJECT, true);
  }

  /** For web text: Creative Commons BY and BY-SA, CC0 and public domain. */
  public static LicensePolicy openWeb() {
    return new LicensePolicy(OPEN_WEB, readList("policy-open-web.txt"),
        ImmutableSet.of("CC-BY-NC-*", "CC-BY-ND-*"), UnknownHandling.REJECT, true);
  }

  /** A preset by name ({@value #PERMISSIVE}, {@value #OPEN_WEB}). */
  public static LicensePolicy named(String preset) {
    return switch (preset) {
      case PERMISSIVE -> permissive();
      case OPEN_WEB -> openWeb();
      default -> throw new IllegalArgumentException(
          "unknown licence policy preset: " + preset + " (known: permissive, open_web)");
    };
  }

  /** A copy allowing exactly {@code ids} (empty = allow all not denied). */
  public LicensePolicy withAllowed(Collection<String> ids) {
    return new LicensePolicy(name + "+custom", ImmutableSet.copyOf(ids), denied, unknown, rejectConflicts);
  }

  /** A copy denying exactly {@code ids} (denied wins over allowed). */
  public LicensePolicy withDenied(Collection<String> ids) {
    return new LicensePolicy(name + "+custom", allowed, ImmutableSet.copyOf(ids), unknown, rejectConflicts);
  }

  /** A copy with {@code handling} for unknown licences. */
  public LicensePolicy withUnknown(UnknownHandling handling) {
    return new LicensePolicy(name, allowed, denied, requireNonNull(handling), rejectConflicts);
  }

  /** A copy that rejects ({@code true}, default) or judges the combined expression of conflicting statements. */
  public LicensePolicy withRejectConflicts(boolean reject) {
    return new LicensePolicy(name, allowed, denied, unknown, reject);
  }

  public String name() {
    return name;
  }

  public ImmutableSet<String> allowed() {
    return allowed;
  }

  public ImmutableSet<String> denied() {
    return denied;
  }

  public UnknownHandling unknownHandling() {
    return unknown;
  }

  /** Verdict for a document's licence. */
  public LicenseVerdict judge(License license) {
    if (license == null) {
      return judgeExpression(null);
    }
    if (license.conflict() && rejectConflicts) {
      return LicenseVerdict.reject(LicenseVerdict.CONFLICT,
          "licence statements disagree: " + license.spdx() + " (" + license.evidence().size() + " statements)");
    }
    return judgeExpression(license.spdx());
  }

  /** Verdict for an SPDX expression; null or blank means no licence found. */
  public LicenseVerdict judgeExpression(String spdx) {
    if (spdx == null || spdx.isBlank()) {
      return unknown("no licence found");
    }
    SpdxExpression e = SpdxExpression.parse(spdx);
    if (!e.isValid()) {
      return unknown("invalid SPDX expression '" + spdx + "': " + e.error());
    }
    Outcome o = eval(e.root().orElseThrow());
    if (o.pass()) {
      return LicenseVerdict.keep(e.normalized().orElseThrow() + " allowed by " + name);
    }
    if (!o.denied().isEmpty()) {
      return LicenseVerdict.reject(LicenseVerdict.DENIED_PREFIX + o.denied().get(0),
          String.join(", ", o.denied()) + " not allowed by " + name + " in " + e.normalized().orElseThrow());
    }
    return unknown("unknown licence " + String.join(", ", o.unknown()) + " in " + e.normalized().orElseThrow());
  }

  private LicenseVerdict unknown(String detail) {
    return unknown == UnknownHandling.KEEP
        ? LicenseVerdict.keep(detail + "; kept: policy keeps unknown licences")
        : LicenseVerdict.reject(LicenseVerdict.UNKNOWN, detail);
  }

  private record Outcome(boolean pass, List<String> denied, List<String> unknown) {}

  private Outcome eval(SpdxExpression.Node n) {
    if (n instanceof SpdxExpression.Id id) {
      return judgeId(SpdxExpression.idText(id), id.id());
    }
    if (n instanceof SpdxExpression.With w) {
      return judgeId(SpdxExpression.idText(w.license()), w.license().id());
    }
    List<SpdxExpression.Node> terms = n instanceof SpdxExpression.And a ? a.terms() : ((SpdxExpression.Or) n).terms();
    boolean isAnd = n instanceof SpdxExpression.And;
    List<String> denied = new ArrayList<>();
    List<String> unknowns = new ArrayList<>();
    boolean pass = isAnd;
    for (SpdxExpression.Node t : terms) {
      Outcome o = eval(t);
      if (isAnd) {
        pass &= o.pass();
      } else {
        pass |= o.pass();
      }
      if (!o.pass()) {
        o.denied().stream().filter(x -> !denied.contains(x)).forEach(denied::add);
        o.unknown().stream().filter(x -> !unknowns.contains(x)).forEach(unknowns::add);
      }
    }
    return pass ? new Outcome(true, List.of(), List.of()) : new Outcome(false, denied, unknowns);
  }

  private Outcome judgeId(String written, String base) {
    if (matches(denied, written) || matches(denied, base)) {
      return new Outcome(false, List.of(written), List.of());
    }
    if (allowed.isEmpty() || matches(allowed, written) || matches(allowed, base)) {
      return new Outcome(true, List.of(), List.of());
    }
    if (base.startsWith("LicenseRef-") || base.startsWith("DocumentRef-")) {
      return unknown == UnknownHandling.KEEP
          ? new Outcome(true, List.of(), List.of())
          : new Outcome(false, List.of(), List.of(written));
    }
    return new Outcome(false, List.of(written), List.of());
  }

  private static boolean matches(ImmutableSet<String> set, String id) {
    if (set.contains(id)) {
      return true;
    }
    for (String s : set) {
      if (s.endsWith("*") && id.startsWith(s.substring(0, s.length() - 1))) {
        return true;
      }
    }
    return false;
  }

  private static ImmutableSet<String> readList(String resource) {
    ImmutableSet.Builder<String> b = ImmutableSet.builder();
    try (InputStream in = LicensePolicy.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("licence policy list " + resource + " missing from the classpath");
      }
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      String line;
      while ((line = r.readLine()) != null) {
        String s = line.strip();
        if (!s.isEmpty() && !s.startsWith("#")) {
          b.add(s);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return b.build();
  }

  @Override
  public String toString() {
    return "LicensePolicy[" + name + ", allowed=" + allowed.size() + ", denied=" + denied + ", unknown=" + unknown + "]";
  }
}
