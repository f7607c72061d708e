package org.provenant.filters.license.bench;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.nio.file.Paths;
import java.util.LinkedHashMap;
import java.util.Map;
import org.provenant.filters.license.LicenseTextMatcher;

/**
 * Prints the matcher's answer for every SPDX licence text and every file of the shared licence
 * fixtures (or of the directories given), one {@code name<TAB>answer} line each, with no memo:
 * diff two runs to see whether a change to the matcher changes any answer. With {@code --memo},
 * the texts first go through a small memo in reverse order, then are printed from it in order (a
 * mix of memo hits and recomputed evictions): the output must equal the run without. Args:
 * {@code [--memo] [dir...]} (default: the shared corpora directory).
 */
public final class LicenseAnswers {
  private LicenseAnswers() {}

  public static void main(String[] args) throws IOException {
    boolean useMemo = args.length > 0 && args[0].equals("--memo");
    List<String> dirs = Arrays.asList(args).subList(useMemo ? 1 : 0, args.length);
    if (dirs.isEmpty()) {
      dirs = List.of(LicenseAgreement.findCorpora().orElseThrow(
          () -> new IllegalStateException("shared/corpora/licenses not found; pass its path")).toString());
    }
    Map<String, String> texts = new LinkedHashMap<>(LicenseTexts.spdx());
    for (int i = 0; i < dirs.size(); i++) {
      texts.putAll(LicenseTexts.files(Paths.get(dirs.get(i)), "dir" + i + ":"));
    }
    LicenseTextMatcher matcher = LicenseTextMatcher.shared().withMemoSize(useMemo ? texts.size() / 3 : 0);
    if (useMemo) {
      List<String> reversed = new ArrayList<>(texts.values());
      Collections.reverse(reversed);
      reversed.forEach(matcher::match);
    }
    texts.forEach((name, text) -> System.out.println(name + "\t" + matcher.match(text)));
  }
}
