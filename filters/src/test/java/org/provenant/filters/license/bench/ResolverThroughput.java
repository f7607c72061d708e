package org.provenant.filters.license.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.provenant.filters.license.LicenseTextMatcher;
import org.provenant.filters.license.PackageFiles;
import org.provenant.filters.license.PackageLicenseResolver;
import org.provenant.filters.license.SpdxLicenseList;

/**
 * What package-level licence resolution costs beyond the matcher: every SPDX licence text as the
 * {@code LICENSE} of a one-file package, resolved once to fill the matcher's memo, then {@code
 * ROUNDS} times more (every match a memo hit), so the time left is the resolver's own work per
 * licence file (the later-version and exception reading, scopes, decisions). One thread.
 *
 * <p>Run: {@code java -cp $CP org.provenant.filters.license.bench.ResolverThroughput [ROUNDS]}.
 */
public final class ResolverThroughput {
  private ResolverThroughput() {}

  public static void main(String[] args) {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 20;
    List<String> texts = new ArrayList<>();
    for (String id : SpdxLicenseList.get().licenses().keySet()) {
      SpdxLicenseList.get().details(id).map(d -> d.text()).filter(t -> !t.isBlank()).ifPresent(texts::add);
    }
    PackageLicenseResolver resolver = PackageLicenseResolver.create();
    long t0 = System.nanoTime();
    int listed = 0;
    for (String t : texts) {
      listed += resolver.resolve(PackageFiles.of(Map.of("LICENSE", t))).license().spdx() == null ? 0 : 1;
    }
    System.out.printf("first pass (matcher fills its memo): %d texts, %.2f s, %d with a licence%n", texts.size(),
        (System.nanoTime() - t0) / 1e9, listed);
    long t1 = System.nanoTime();
    long n = 0;
    for (int r = 0; r < rounds; r++) {
      for (String t : texts) {
        resolver.resolve(PackageFiles.of(Map.of("LICENSE", t)));
        n++;
      }
    }
    double s = (System.nanoTime() - t1) / 1e9;
    System.out.printf("resolver alone (memo hits): %d resolutions in %.2f s -> %.0f licence files/s/core (memo size %d)%n",
        n, s, n / s, LicenseTextMatcher.DEFAULT_MEMO_SIZE);
  }
}
