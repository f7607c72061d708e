package org.provenant.pipelines;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts of work done in this JVM, for the progress line that the CLI prints on a terminal while an
 * in-process runner (Direct, embedded Flink) works. Display only: nothing reads it to decide
 * anything, and on remote runners it simply stays at zero.
 */
public final class Progress {
  public static final AtomicLong FILES_DONE = new AtomicLong();
  public static final AtomicLong RECORDS_READ = new AtomicLong();
  public static final AtomicLong BYTES_READ = new AtomicLong();

  private Progress() {}

  public static void reset() {
    FILES_DONE.set(0);
    RECORDS_READ.set(0);
    BYTES_READ.set(0);
  }
}
