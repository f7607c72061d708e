/**
 * Dedup measurements (issue 3), built only with {@code -Pbench}: see {@code bench/README.md}.
 */
package org.provenant.bench;
