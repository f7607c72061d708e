package org.provenant.filters.license.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.LinkedHashMap;
import java.util.Map;
import org.provenant.filters.license.LicenseTextMatcher;

/**
 * Prints the matcher's answer for every SPDX licence text and every file of the shared licence
 * fixtures, one {@code name<TAB>answer} line each, with no memo: diff two runs to see whether a
 * change to the matcher changes any answer. Args: {@code [corporaDir] [extraDir...]}.
 */
public final class LicenseAnswers {
  private LicenseAnswers() {}

  public static void main(String[] args) throws IOException {
    Path corpora = args.length > 0 ? Paths.get(args[0]) : LicenseAgreement.findCorpora().orElseThrow(
        () -> new IllegalStateException("shared/corpora/licenses not found; pass its path"));
    Map<String, String> texts = new LinkedHashMap<>(LicenseTexts.spdx());
    texts.putAll(LicenseTexts.files(corpora, "fixtures:"));
    for (int i = 1; i < args.length; i++) {
      texts.putAll(LicenseTexts.files(Paths.get(args[i]), "extra" + i + ":"));
    }
    LicenseTextMatcher matcher = LicenseTextMatcher.shared().withMemoSize(0);
    texts.forEach((name, text) -> System.out.println(name + "\t" + matcher.match(text)));
  }
}
