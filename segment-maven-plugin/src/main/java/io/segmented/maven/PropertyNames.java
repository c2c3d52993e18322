package io.segmented.maven;

/** Every user property the plugin reads, in one place. */
final class PropertyNames {

  /** Skips every segment goal of the plugin. */
  static final String SKIP = "segment.skip";

  /** failsafe's flag for skipping integration tests; honoured the same way. */
  static final String SKIP_ITS = "skipITs";

  /** Skips all tests, unit and integration. */
  static final String SKIP_TESTS = "skipTests";

  /** Skips compiling and running tests. */
  static final String MAVEN_TEST_SKIP = "maven.test.skip";

  /** The manifest file. */
  static final String MANIFEST = "segment.manifest";

  /** Where results go. */
  static final String REPORTS_DIRECTORY = "segment.reportsDirectory";

  /** Makes {@code segment:validate}'s lint findings fail the build. */
  static final String STRICT = "segment.strict";

  /** Overrides the provider of every fixture whose kind has a choice. */
  static final String PROVIDER = "segment.provider";

  /** How many segments run at once. */
  static final String PARALLEL = "segment.parallel";

  /** Which segments run: {@code -Dsegment=orders-*,payments}. */
  static final String SELECTION = "segment";

  /** Runs only the segments that the changes since a git ref touch. */
  static final String CHANGED_SINCE = "segment.changedSince";

  /** Stops starting new segments after the first failure. */
  static final String FAIL_FAST = "segment.failFast";

  /** Makes a flaky test (failed, then passed on a retry) fail the build. */
  static final String FAIL_ON_FLAKY = "segment.failOnFlaky";

  /** This CI job's share of the segments: {@code -Dsegment.shard=2/3}. */
  static final String SHARD = "segment.shard";

  /** The file that keeps the segments' recent outcomes and durations. */
  static final String HISTORY = "segment.history";

  /** failsafe's test selection inside the segments: {@code -Dit.test=OrderIT#creates*}. */
  static final String IT_TEST = "it.test";

  /** failsafe's: fail when {@code -Dit.test} ran no test. */
  static final String FAIL_IF_NO_SPECIFIED_TESTS = "it.failIfNoSpecifiedTests";

  /** failsafe's tag selection: only tests with one of these JUnit tags (or tag expressions). */
  static final String GROUPS = "groups";

  /** failsafe's tag exclusion. */
  static final String EXCLUDED_GROUPS = "excludedGroups";

  /** {@code -Dsegment.runOrder}: which segments start first. */
  static final String RUN_ORDER = "segment.runOrder";

  /** The reports directories that {@code segment:merge} merges. */
  static final String MERGE_FROM = "segment.mergeFrom";

  private PropertyNames() {}
}
