package org.provenant.pipelines.transforms;

import java.io.Serializable;
import java.util.Arrays;
import java.util.Objects;

/**
 * One document as signing hands it to its exact group ({@link DedupDocuments}): its signature
 * record, its source (file, then offset: the survivor rule's last tie-break, so every runner picks
 * the same survivor) and the 64-bit keys of its LSH bands, which only the group's survivor sends on.
 */
public record ExactMember(SignatureRecord record, String source, long[] bandKeys) implements Serializable {
  public ExactMember {
    Objects.requireNonNull(record, "record");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(bandKeys, "bandKeys");
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ExactMember m && record.equals(m.record) && source.equals(m.source) && Arrays.equals(bandKeys, m.bandKeys);
  }

  @Override
  public int hashCode() {
    return Objects.hash(record, source, Arrays.hashCode(bandKeys));
  }

  @Override
  public String toString() {
    return "ExactMember[" + record.id() + ", " + source + ", " + bandKeys.length + " band keys]";
  }
}
