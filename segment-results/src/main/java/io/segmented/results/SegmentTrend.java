package io.segmented.results;

import java.util.List;

/**
 * A segment's recent runs, from the history file, as the report shows them.
 *
 * @param runs how many runs are recorded, this one included
 * @param failed how many of them failed the build
 * @param flaky how many were FLAKY
 * @param outcomes their outcomes, oldest first
 */
public record SegmentTrend(int runs, int failed, int flaky, List<String> outcomes) {

  public SegmentTrend {
    outcomes = outcomes == null ? List.of() : List.copyOf(outcomes);
  }

  /** The share of recorded runs that failed, in percent, rounded. */
  public int failurePercent() {
    return runs == 0 ? 0 : Math.round(100f * failed / runs);
  }
}
