package io.segmented.engine;

/** Every user property the plugin reads, in one place. */
public final class PropertyNames {

  /** Skips every segment goal of the plugin. */
  public static final String SKIP = "segment.skip";

  /** failsafe's flag for skipping integration tests; honoured the same way. */
  public static final String SKIP_ITS = "skipITs";

  /** Skips all tests, unit and integration. */
  public static final String SKIP_TESTS = "skipTests";

  /** Skips compiling and running tests. */
  public static final String MAVEN_TEST_SKIP = "maven.test.skip";

  /** The manifest file. */
  public static final String MANIFEST = "segment.manifest";

  /** Where results go. */
  public static final String REPORTS_DIRECTORY = "segment.reportsDirectory";

  /** Makes {@code segment:validate}'s lint findings fail the build. */
  public static final String STRICT = "segment.strict";

  /** Overrides the provider of every fixture whose kind has a choice. */
  public static final String PROVIDER = "segment.provider";

  /** How many segments run at once. */
  public static final String PARALLEL = "segment.parallel";

  /** Which segments run: {@code -Dsegment=orders-*,payments}. */
  public static final String SELECTION = "segment";

  /** Runs only the segments that the changes since a git ref touch. */
  public static final String CHANGED_SINCE = "segment.changedSince";

  /** Stops starting new segments after the first failure. */
  public static final String FAIL_FAST = "segment.failFast";

  /** Makes a flaky test (failed, then passed on a retry) fail the build. */
  public static final String FAIL_ON_FLAKY = "segment.failOnFlaky";

  /** This CI job's share of the segments: {@code -Dsegment.shard=2/3}. */
  public static final String SHARD = "segment.shard";

  /** The file that keeps the segments' recent outcomes and durations. */
  public static final String HISTORY = "segment.history";

  /** failsafe's test selection inside the segments: {@code -Dit.test=OrderIT#creates*}. */
  public static final String IT_TEST = "it.test";

  /** failsafe's: fail when {@code -Dit.test} ran no test. */
  public static final String FAIL_IF_NO_SPECIFIED_TESTS = "it.failIfNoSpecifiedTests";

  /** failsafe's tag selection: only tests with one of these JUnit tags (or tag expressions). */
  public static final String GROUPS = "groups";

  /** failsafe's tag exclusion. */
  public static final String EXCLUDED_GROUPS = "excludedGroups";

  /** {@code -Dsegment.runOrder}: which segments start first. */
  public static final String RUN_ORDER = "segment.runOrder";

  /**
   * How long the fixtures a build starts are kept, idle, for the builds after it ({@code 10m}); not
   * set keeps nothing.
   */
  public static final String KEEP = "segment.keep";

  /** Whether seeded databases start from, and are kept as, snapshots on the Docker engine. */
  public static final String SNAPSHOTS = "segment.snapshots";

  /** Whether each segment's test JVM starts beside its fixtures rather than after them. */
  public static final String JVM_BESIDE = "segment.jvmBeside";

  /** Whether test JVMs get the options of a short-lived JVM unless their {@code jvmArgs} chose. */
  public static final String FAST_JVM = "segment.fastJvm";

  /** Whether test JVMs map a class-data archive of the classpath's jars (the JDK's CDS). */
  public static final String CDS = "segment.cds";

  /**
   * Whether {@code segment:warm-up} plans the run and starts its first segments' fixtures while
   * Maven compiles.
   */
  public static final String HEAD_START = "segment.headStart";

  /** Whether the run goals run the engine in a JVM of its own rather than in Maven's. */
  public static final String FORK = "segment.fork";

  /** {@code -Dsegment.keepEngine}: whether {@code -Dsegment.keep} keeps the engine's JVM too. */
  public static final String KEEP_ENGINE = "segment.keepEngine";

  /** The reports directories that {@code segment:merge} merges. */
  public static final String MERGE_FROM = "segment.mergeFrom";

  /**
   * How {@code segment:init} groups the integration tests: {@code package} (one segment per
   * package, the default) or {@code single} (one segment, {@code legacy}).
   */
  public static final String INIT = "segment.init";

  /** {@code segment:init} prints the manifest it would write instead of writing it. */
  public static final String DRY_RUN = "segment.dryRun";

  /** {@code -Dsegment.failOnAdvice}: fails the build when there is advice on cutting segments. */
  public static final String FAIL_ON_ADVICE = "segment.failOnAdvice";

  private PropertyNames() {}
}
