package io.segmented.engine.plan;

import io.segmented.engine.PropertyNames;

/** What can leave a segment out of a run, in the order a plan applies them. */
public enum Selector {
  /** {@code -Dsegment}: the segment's id matches none of the patterns. */
  PATTERN(PropertyNames.SELECTION),
  /** {@code -Dsegment.changedSince}: no change since the ref touches the segment. */
  CHANGE(PropertyNames.CHANGED_SINCE),
  /** {@code -Dit.test}: none of the segment's test classes can match. */
  TEST_FILTER(PropertyNames.IT_TEST),
  /** {@code -Dsegment.shard}: another CI job runs the segment. */
  SHARD(PropertyNames.SHARD);

  private final String property;

  Selector(String property) {
    this.property = property;
  }

  /** The user property that sets it, as {@code segment.changedSince}. */
  public String property() {
    return property;
  }
}
