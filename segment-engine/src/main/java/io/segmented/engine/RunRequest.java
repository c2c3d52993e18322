package io.segmented.engine;

import io.segmented.manifest.Manifest;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * What the user asked of one module's run, as given: the manifest, where things go, and the raw
 * values of the {@code -D} options. The planner reads and checks them, once, for {@code
 * segment:plan} and {@code segment:run} alike.
 *
 * @param module the module's name, for results and messages
 * @param moduleDir the module directory; relative manifest paths resolve against it
 * @param manifest the module's validated manifest
 * @param reportsDir where results go: {@code target/segment-reports}
 * @param workDir where working files of the forked JVMs go: {@code target/segment-work}
 * @param testClassesDir the module's compiled test classes, for {@code -Dit.test}
 * @param historyFile where the segments' recent outcomes and durations are kept
 * @param segments {@code -Dsegment}: comma-separated id patterns; empty for every segment
 * @param changedSince {@code -Dsegment.changedSince}: a git ref; empty for no change selection
 * @param test {@code -Dit.test}: failsafe's test patterns
 * @param groups {@code -Dgroups}: a JUnit tag expression
 * @param excludedGroups {@code -DexcludedGroups}: a JUnit tag expression
 * @param shard {@code -Dsegment.shard}: {@code i/n}; empty for no sharding
 * @param provider {@code -Dsegment.provider}: {@code embedded}, {@code container} or {@code auto}
 * @param parallel {@code -Dsegment.parallel}; empty for the default
 * @param runOrder {@code -Dsegment.runOrder}; empty for {@code history}
 * @param failFast {@code -Dsegment.failFast}: no new segment after a failure
 * @param snapshots {@code -Dsegment.snapshots}: seeded databases start from, and are kept as,
 *     snapshots on the Docker engine
 * @param jvmBeside {@code -Dsegment.jvmBeside}: each segment's test JVM starts beside its fixtures
 * @param fastJvm {@code -Dsegment.fastJvm}: test JVMs get the options of a short-lived JVM (client
 *     compiler, serial collector) unless their {@code jvmArgs} chose
 * @param classData {@code -Dsegment.cds}: test JVMs map a class-data archive of the classpath's
 *     jars, made by an earlier run
 * @param keep {@code -Dsegment.keep}: how long fixtures are kept for later builds, as {@code 10m};
 *     empty to keep nothing
 */
public record RunRequest(
    String module,
    Path moduleDir,
    Manifest manifest,
    Path reportsDir,
    Path workDir,
    Path testClassesDir,
    Path historyFile,
    String segments,
    String changedSince,
    String test,
    String groups,
    String excludedGroups,
    String shard,
    String provider,
    Optional<Integer> parallel,
    String runOrder,
    boolean failFast,
    boolean snapshots,
    boolean jvmBeside,
    boolean fastJvm,
    boolean classData,
    String keep) {

  /** Memory a segment is assumed to need: its test JVM and its containers. */
  private static final long MEMORY_PER_SEGMENT = 1536L << 20;

  public RunRequest {
    Objects.requireNonNull(module, "module");
    Objects.requireNonNull(moduleDir, "moduleDir");
    Objects.requireNonNull(manifest, "manifest");
    segments = blankIfNull(segments);
    changedSince = blankIfNull(changedSince);
    test = blankIfNull(test);
    groups = blankIfNull(groups);
    excludedGroups = blankIfNull(excludedGroups);
    shard = blankIfNull(shard);
    provider = blankIfNull(provider);
    runOrder = blankIfNull(runOrder);
    keep = blankIfNull(keep);
  }

  /**
   * A request for every segment of {@code manifest}, with the default paths under {@code target}.
   */
  public static Builder builder(String module, Path moduleDir, Manifest manifest) {
    return new Builder(module, moduleDir, manifest);
  }

  /**
   * As many segments at once as there are cores, but no more than the machine's memory holds at
   * about 1.5 GiB each (a test JVM and its containers), and at least one.
   */
  public static int defaultParallelism() {
    int cores = Runtime.getRuntime().availableProcessors();
    long memory = Long.MAX_VALUE;
    if (ManagementFactory.getOperatingSystemMXBean()
        instanceof com.sun.management.OperatingSystemMXBean os) {
      memory = os.getTotalMemorySize();
    }
    return (int) Math.max(1, Math.min(cores, memory / MEMORY_PER_SEGMENT));
  }

  private static String blankIfNull(String s) {
    return s == null ? "" : s.trim();
  }

  /** Builds a {@link RunRequest}; every option not set is as if not given. */
  public static final class Builder {
    private final String module;
    private final Path moduleDir;
    private final Manifest manifest;
    private Path reportsDir;
    private Path workDir;
    private Path testClassesDir;
    private Path historyFile;
    private String segments;
    private String changedSince;
    private String test;
    private String groups;
    private String excludedGroups;
    private String shard;
    private String provider;
    private Integer parallel;
    private String runOrder;
    private boolean failFast;
    private boolean snapshots = true;
    private boolean jvmBeside = true;
    private boolean fastJvm = true;
    private boolean classData = true;
    private String keep;

    private Builder(String module, Path moduleDir, Manifest manifest) {
      this.module = module;
      this.moduleDir = moduleDir;
      this.manifest = manifest;
      Path target = moduleDir.resolve("target");
      this.reportsDir = target.resolve("segment-reports");
      this.workDir = target.resolve("segment-work");
      this.testClassesDir = target.resolve("test-classes");
      this.historyFile = target.resolve("segment-history.json");
    }

    public Builder reportsDir(Path value) {
      reportsDir = value;
      return this;
    }

    public Builder workDir(Path value) {
      workDir = value;
      return this;
    }

    public Builder testClassesDir(Path value) {
      testClassesDir = value;
      return this;
    }

    public Builder historyFile(Path value) {
      historyFile = value;
      return this;
    }

    public Builder segments(String value) {
      segments = value;
      return this;
    }

    public Builder changedSince(String value) {
      changedSince = value;
      return this;
    }

    /** failsafe's {@code -Dit.test}, {@code -Dgroups} and {@code -DexcludedGroups}. */
    public Builder tests(String test, String groups, String excludedGroups) {
      this.test = test;
      this.groups = groups;
      this.excludedGroups = excludedGroups;
      return this;
    }

    public Builder shard(String value) {
      shard = value;
      return this;
    }

    public Builder provider(String value) {
      provider = value;
      return this;
    }

    /** {@code null} for the default. */
    public Builder parallel(Integer value) {
      parallel = value;
      return this;
    }

    public Builder runOrder(String value) {
      runOrder = value;
      return this;
    }

    public Builder failFast(boolean value) {
      failFast = value;
      return this;
    }

    public Builder snapshots(boolean value) {
      snapshots = value;
      return this;
    }

    public Builder jvmBeside(boolean value) {
      jvmBeside = value;
      return this;
    }

    public Builder fastJvm(boolean value) {
      fastJvm = value;
      return this;
    }

    public Builder classData(boolean value) {
      classData = value;
      return this;
    }

    /** {@code -Dsegment.keep}, as given. */
    public Builder keep(String value) {
      keep = value;
      return this;
    }

    public RunRequest build() {
      return new RunRequest(
          module,
          moduleDir,
          manifest,
          reportsDir,
          workDir,
          testClassesDir,
          historyFile,
          segments,
          changedSince,
          test,
          groups,
          excludedGroups,
          shard,
          provider,
          Optional.ofNullable(parallel),
          runOrder,
          failFast,
          snapshots,
          jvmBeside,
          fastJvm,
          classData,
          keep);
    }
  }
}
