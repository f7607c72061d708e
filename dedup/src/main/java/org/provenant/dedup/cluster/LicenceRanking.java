package org.provenant.dedup.cluster;

import java.io.Serializable;

/**
 * How permissive a licence is, for {@link SurvivorRule#mostPermissiveLicence}: a higher rank is
 * more permissive. Must be deterministic and serialisable (it is shipped to workers).
 */
@FunctionalInterface
public interface LicenceRanking extends Serializable {
  /** The rank of {@code spdx} (an SPDX id or expression), which is null for an unknown licence. */
  int permissiveness(String spdx);
}
