package io.segmented.engine.advice;

import java.util.List;

/**
 * One piece of advice on how the manifest cuts its segments, from a run's measurements.
 *
 * @param kind what the advice is about
 * @param segments the segments it names
 * @param fixture the fixture it names; empty when none
 * @param savesMillis about how much machine time following it would save; 0 when it is not about
 *     time
 * @param text the advice as people read it: what was measured and what to change
 */
public record Advice(
    Kind kind, List<String> segments, String fixture, long savesMillis, String text) {

  /** What an advice is about. */
  public enum Kind {
    /**
     * A segment costs far more in fixture and JVM start than its tests take, beside a segment that
     * starts the same fixtures.
     */
    MERGE,
    /** Several segments start the same fixture, or fixtures of identical settings, each anew. */
    SHARE_FIXTURE,
    /** A segment ran no test at all. */
    NO_TESTS,
    /** A segment ran nothing but skipped tests. */
    ONLY_SKIPPED
  }

  public Advice {
    segments = List.copyOf(segments);
  }
}
