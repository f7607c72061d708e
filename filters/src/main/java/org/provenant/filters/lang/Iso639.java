package org.provenant.filters.lang;

import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
import com.google.common.collect.ImmutableSortedSet;
import java.util.Optional;

/**
 * ISO 639-3 to ISO 639-1 for the languages of OpenNLP's {@code langdetect-183} model. Individual
 * languages of a macrolanguage map to the macrolanguage's two-letter code ({@code cmn} → {@code
 * zh}, {@code pes} → {@code fa}, {@code ekk} → {@code et}, {@code lvs} → {@code lv}, {@code plt} →
 * {@code mg}); current codes are used, not Java's legacy ones ({@code he}, {@code id}, not {@code
 * iw}, {@code in}). Languages without a two-letter code are absent: ast, ceb, gsw, min, nan, nds,
 * pnb, war.
 */
final class Iso639 {
  private Iso639() {}

  private static final ImmutableMap<String, String> TO_TWO_LETTER =
      ImmutableMap.<String, String>builder()
          .put("afr", "af").put("ara", "ar").put("aze", "az").put("bak", "ba").put("bel", "be")
          .put("ben", "bn").put("bos", "bs").put("bre", "br").put("bul", "bg").put("cat", "ca")
          .put("ces", "cs").put("che", "ce").put("cmn", "zh").put("cym", "cy").put("dan", "da")
          .put("deu", "de").put("ekk", "et").put("ell", "el").put("eng", "en").put("epo", "eo")
          .put("est", "et").put("eus", "eu").put("fao", "fo").put("fas", "fa").put("fin", "fi")
          .put("fra", "fr").put("fry", "fy").put("gle", "ga").put("glg", "gl").put("guj", "gu")
          .put("heb", "he").put("hin", "hi").put("hrv", "hr").put("hun", "hu").put("hye", "hy")
          .put("isl", "is").put("ind", "id").put("ita", "it").put("jav", "jv").put("jpn", "ja")
          .put("kan", "kn").put("kat", "ka").put("kaz", "kk").put("kir", "ky").put("kor", "ko")
          .put("lat", "la").put("lav", "lv").put("lim", "li").put("lit", "lt").put("ltz", "lb")
          .put("lvs", "lv").put("mal", "ml").put("mar", "mr").put("mkd", "mk").put("mlt", "mt")
          .put("mon", "mn").put("mri", "mi").put("msa", "ms").put("nep", "ne").put("nld", "nl")
          .put("nno", "nn").put("nob", "nb").put("oci", "oc").put("pan", "pa").put("pes", "fa")
          .put("plt", "mg").put("pol", "pl").put("por", "pt").put("pus", "ps").put("ron", "ro")
          .put("rus", "ru").put("san", "sa").put("sin", "si").put("slk", "sk").put("slv", "sl")
          .put("som", "so").put("spa", "es").put("sqi", "sq").put("srp", "sr").put("sun", "su")
          .put("swa", "sw").put("swe", "sv").put("tam", "ta").put("tat", "tt").put("tel", "te")
          .put("tgk", "tg").put("tgl", "tl").put("tha", "th").put("tur", "tr").put("ukr", "uk")
          .put("urd", "ur").put("uzb", "uz").put("vie", "vi").put("vol", "vo").put("zul", "zu")
          .buildOrThrow();

  /** Languages of the model without a two-letter code. */
  private static final ImmutableSet<String> WITHOUT_TWO_LETTER =
      ImmutableSet.of("ast", "ceb", "gsw", "min", "nan", "nds", "pnb", "war");

  /** Every ISO 639-3 code the model answers (checked against the model by a test). */
  static final ImmutableSortedSet<String> MODEL_CODES =
      ImmutableSortedSet.<String>naturalOrder()
          .addAll(TO_TWO_LETTER.keySet())
          .addAll(WITHOUT_TWO_LETTER)
          .build();

  /** Every two-letter code some language of the model maps to. */
  static final ImmutableSortedSet<String> TWO_LETTER_CODES =
      ImmutableSortedSet.copyOf(TO_TWO_LETTER.values());

  /** The two-letter code for a three-letter one, if there is one. */
  static Optional<String> twoLetter(String threeLetter) {
    return Optional.ofNullable(TO_TWO_LETTER.get(threeLetter));
  }
}
