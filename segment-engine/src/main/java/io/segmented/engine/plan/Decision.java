package io.segmented.engine.plan;

import java.util.Optional;

/**
 * Whether a segment runs and why: data, rendered to text only at the edge.
 *
 * @param leftOutBy the selector that left the segment out; empty when it runs
 * @param reason why it runs, or why that selector left it out, in words
 */
public record Decision(Optional<Selector> leftOutBy, String reason) {

  /** It runs, for {@code reason}. */
  public static Decision runs(String reason) {
    return new Decision(Optional.empty(), reason);
  }

  /** {@code by} leaves it out, for {@code reason}. */
  public static Decision leftOut(Selector by, String reason) {
    return new Decision(Optional.of(by), reason);
  }

  /** Whether the segment runs. */
  public boolean selected() {
    return leftOutBy.isEmpty();
  }
}
