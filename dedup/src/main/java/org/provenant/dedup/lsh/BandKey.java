package org.provenant.dedup.lsh;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import com.google.common.primitives.Ints;
import com.google.common.primitives.Longs;
import java.io.Serializable;

/**
 * The LSH bucket a document falls into for one band: the band index and a 64-bit hash of the
 * band's rows. Documents with equal keys are candidate pairs. Ordered by band, then by the hash as
 * an unsigned number; {@link #toBytes()} is a stable 12-byte form (4-byte band, 8-byte hash,
 * big-endian) whose byte order is that order, for use as a shuffle key.
 *
 * @param band the band index, from 0
 * @param hash the hash of the band's values
 */
public record BandKey(int band, long hash) implements Comparable<BandKey>, Serializable {
  /** Length of {@link #toBytes()}. */
  public static final int BYTES = 12;

  public BandKey {
    checkArgument(band >= 0, "band is negative: %s", band);
  }

  /** The 12 bytes: band then hash, both big-endian. */
  public byte[] toBytes() {
    byte[] out = new byte[BYTES];
    System.arraycopy(Ints.toByteArray(band), 0, out, 0, 4);
    System.arraycopy(Longs.toByteArray(hash), 0, out, 4, 8);
    return out;
  }

  /** The key written by {@link #toBytes()}. */
  public static BandKey fromBytes(byte[] bytes) {
    requireNonNull(bytes, "bytes");
    checkArgument(bytes.length == BYTES, "band key must have 12 bytes: %s", bytes.length);
    return new BandKey(
        Ints.fromBytes(bytes[0], bytes[1], bytes[2], bytes[3]),
        Longs.fromBytes(
            bytes[4], bytes[5], bytes[6], bytes[7], bytes[8], bytes[9], bytes[10], bytes[11]));
  }

  @Override
  public int compareTo(BandKey o) {
    int c = Integer.compare(band, o.band);
    return c != 0 ? c : Long.compareUnsigned(hash, o.hash);
  }

  /** {@code band:hash} with the hash as 16 hex digits, e.g. {@code 3:00ff00ff00ff00ff}. */
  @Override
  public String toString() {
    return band + ":" + String.format("%016x", hash);
  }
}
