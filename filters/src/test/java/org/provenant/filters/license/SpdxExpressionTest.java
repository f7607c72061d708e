package org.provenant.filters.license;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SpdxExpressionTest {

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "mit|MIT",
        "apache-2.0|Apache-2.0",
        "GPL-2.0+|GPL-2.0-or-later",
        "GPL-2.0|GPL-2.0-only",
        "LGPL-2.1+|LGPL-2.1-or-later",
        "gpl-3.0-or-later|GPL-3.0-or-later",
        "AGPL-3.0|AGPL-3.0-only",
        "Apache-2.0+|Apache-2.0+",
        "MIT or apache-2.0|MIT OR Apache-2.0",
        "(MIT OR Apache-2.0) AND BSD-3-Clause|(MIT OR Apache-2.0) AND BSD-3-Clause",
        "MIT AND (BSD-2-Clause AND ISC)|MIT AND BSD-2-Clause AND ISC",
        "MIT OR BSD-2-Clause AND ISC|MIT OR (BSD-2-Clause AND ISC)",
        "((MIT))|MIT",
        "GPL-2.0-only with classpath-exception-2.0|GPL-2.0-only WITH Classpath-exception-2.0",
        "GPL-2.0-with-classpath-exception|GPL-2.0-only WITH Classpath-exception-2.0",
        "LicenseRef-my-licence OR MIT|LicenseRef-my-licence OR MIT",
      })
  void normalises(String input, String expected) {
    SpdxExpression e = SpdxExpression.parse(input);
    assertTrue(e.isValid(), e.error());
    assertEquals(Optional.of(expected), e.normalized());
  }

  @Test
  void listsLicenceAndExceptionIds() {
    SpdxExpression e = SpdxExpression.parse("(MIT OR GPL-2.0+ WITH Classpath-exception-2.0) AND MIT");
    assertEquals(List.of("MIT", "GPL-2.0-or-later"), e.licenseIds());
    assertEquals(List.of("Classpath-exception-2.0"), e.exceptionIds());
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "MIT OR|expression ends where a licence id was expected",
        "(MIT|missing ')'",
        "MIT)|unexpected ')'",
        "Foo-License-1.0|unknown licence id 'Foo-License-1.0'",
        "MIT WITH Nope-exception|unknown exception id 'Nope-exception'",
        "MIT AND AND ISC|'AND' where a licence id was expected",
        "MIT; rm -rf|invalid characters in 'MIT;'",
        "(MIT OR ISC) WITH Classpath-exception-2.0|WITH must follow a licence id, not a parenthesised expression",
      })
  void invalidExpressionsGiveAnErrorValue(String input, String error) {
    SpdxExpression e = SpdxExpression.parse(input);
    assertFalse(e.isValid());
    assertEquals(error, e.error());
    assertEquals(Optional.empty(), e.normalized());
    assertEquals(List.of(), e.licenseIds());
  }

  @Test
  void nullAndBlankAreInvalidNotExceptions() {
    assertEquals("empty expression", SpdxExpression.parse(null).error());
    assertEquals("empty expression", SpdxExpression.parse("  ").error());
  }

  @Test
  void andCombinesAndFlattens() {
    SpdxExpression e = SpdxExpression.and(List.of(
        SpdxExpression.parse("MIT"), SpdxExpression.parse("Apache-2.0 AND MIT"), SpdxExpression.parse("ISC OR 0BSD")));
    assertEquals(Optional.of("MIT AND Apache-2.0 AND (ISC OR 0BSD)"), e.normalized());
  }
}
