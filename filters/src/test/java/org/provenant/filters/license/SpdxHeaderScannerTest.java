package org.provenant.filters.license;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SpdxHeaderScannerTest {
  private final SpdxHeaderScanner scanner = SpdxHeaderScanner.create();

  private List<String> normalized(String text) {
    return scanner.scan(text).stream().map(h -> h.expression().normalized().orElse("INVALID")).toList();
  }

  @Test
  void readsTagsBehindAnyCommentPrefix() {
    assertEquals(List.of("MIT"), normalized("// SPDX-License-Identifier: MIT\npackage x;\n"));
    assertEquals(List.of("Apache-2.0"), normalized("#!/usr/bin/env python\n# SPDX-License-Identifier: Apache-2.0\n"));
    assertEquals(List.of("BSD-3-Clause"), normalized("/* SPDX-License-Identifier: BSD-3-Clause */\nint x;\n"));
    assertEquals(List.of("GPL-2.0-or-later"), normalized("-- SPDX-License-Identifier: GPL-2.0+\n"));
    assertEquals(List.of("MIT OR Apache-2.0"), normalized("<!-- SPDX-License-Identifier: MIT OR Apache-2.0 -->\n"));
    assertEquals(List.of("GPL-2.0-or-later"), normalized(" * SPDX-License-Identifier: GPL-2.0-or-later\n"));
  }

  @Test
  void reportsLineAndInvalidExpressions() {
    List<SpdxHeaderScanner.Header> h = scanner.scan("a\nb\n; SPDX-License-Identifier: Not A Licence\n");
    assertEquals(1, h.size());
    assertEquals(3, h.get(0).line());
    assertEquals("Not A Licence", h.get(0).value());
    assertEquals("unknown licence id 'Not'", h.get(0).expression().error());
  }

  @Test
  void onlyReadsTheFirstLines() {
    String text = "x\n".repeat(60) + "// SPDX-License-Identifier: MIT\n";
    assertEquals(List.of(), scanner.scan(text));
    assertEquals(1, scanner.withMaxLines(100).scan(text).size());
  }

  @Test
  void nothingForNullOrBinary() {
    assertEquals(List.of(), scanner.scan(null));
    assertEquals(List.of(), scanner.scan("\u0000\u0001\u00ff:\ufffd"));
    assertEquals(Optional.empty(), scanner.scan("").stream().findFirst());
  }
}
