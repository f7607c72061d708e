package org.provenant.filters.step;

import java.io.Serializable;
import org.provenant.schemas.Document;
import org.provenant.schemas.Rejection;

/** What a step decided for one input: a (possibly changed) document to pass on, or a rejection. */
public sealed interface Outcome extends Serializable permits Outcome.Kept, Outcome.Rejected {
  /** The document goes on. */
  record Kept(Document document) implements Outcome {}

  /** The document stops here, with a reason. */
  record Rejected(Rejection rejection) implements Outcome {}

  static Outcome keep(Document d) {
    return new Kept(d);
  }

  static Outcome reject(Rejection r) {
    return new Rejected(r);
  }
}
