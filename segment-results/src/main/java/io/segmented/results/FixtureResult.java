package io.segmented.results;

/**
 * A fixture as one segment used it.
 *
 * @param id the fixture id
 * @param kind the kind key, such as {@code postgres}
 * @param image the image, or the command for a process fixture
 * @param provider how it was provided: {@code container}, {@code embedded} or {@code process}
 * @param reuse {@code segment} (its own instance) or {@code run} (shared by the run's segments,
 *     with data of the segment's own)
 * @param startMillis how long it took until it was ready, for a shared one how long the segment
 *     waited for it and for its own data on it; 0 when it did not start
 * @param log the log file, relative to the reports directory
 * @param error why it did not start; empty when it did
 * @param restores how often its data was restored ({@code scope: class|test}, reset commands)
 * @param restoreMeanMillis the mean time of a restore; 0 when none ran
 * @param restoreMaxMillis the longest restore; 0 when none ran
 * @param seedMillis how long its seeds took; 0 when it has none
 * @param kept with {@code -Dsegment.keep}, how the kept fixture came to the segment ({@code kept, 3
 *     min old} or {@code new, kept for 10 min}); empty when it was not kept
 */
public record FixtureResult(
    String id,
    String kind,
    String image,
    String provider,
    String reuse,
    long startMillis,
    String log,
    String error,
    int restores,
    long restoreMeanMillis,
    long restoreMaxMillis,
    long seedMillis,
    String kept) {

  /**
   * How {@link #kept} begins for a fixture leased from an earlier build: {@code kept, 3 min old}.
   */
  public static final String LEASED = "kept, ";

  /** {@link #reuse} of a fixture that is the segment's own. */
  public static final String OWN = "segment";

  public FixtureResult {
    kept = kept == null ? "" : kept;
  }

  /**
   * Whether the segment started it itself and it became ready: neither shared by the run nor leased
   * from an earlier build (nor stopped before it started, with no time), so that {@link
   * #startMillis} is a start's.
   */
  public boolean startedByItsSegment() {
    return error.isEmpty() && startMillis > 0 && OWN.equals(reuse) && !kept.startsWith(LEASED);
  }

  /** A fixture whose data was never restored. */
  public FixtureResult(
      String id,
      String kind,
      String image,
      String provider,
      String reuse,
      long startMillis,
      String log,
      String error) {
    this(id, kind, image, provider, reuse, startMillis, log, error, 0, 0, 0, 0, "");
  }

  /** This fixture with its restores. */
  public FixtureResult withRestores(int count, long meanMillis, long maxMillis) {
    return new FixtureResult(
        id,
        kind,
        image,
        provider,
        reuse,
        startMillis,
        log,
        error,
        count,
        meanMillis,
        maxMillis,
        seedMillis,
        kept);
  }

  /** This fixture with the time its seeds took. */
  public FixtureResult withSeedMillis(long millis) {
    return new FixtureResult(
        id,
        kind,
        image,
        provider,
        reuse,
        startMillis,
        log,
        error,
        restores,
        restoreMeanMillis,
        restoreMaxMillis,
        millis,
        kept);
  }

  /** This fixture as kept: how it came to the segment. */
  public FixtureResult withKept(String how) {
    return new FixtureResult(
        id,
        kind,
        image,
        provider,
        reuse,
        startMillis,
        log,
        error,
        restores,
        restoreMeanMillis,
        restoreMaxMillis,
        seedMillis,
        how);
  }
}
