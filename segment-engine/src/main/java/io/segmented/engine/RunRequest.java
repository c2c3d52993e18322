package io.segmented.engine;

import io.segmented.engine.plan.RunOrder;
import io.segmented.engine.plan.Selection;
import io.segmented.engine.plan.Shard;
import io.segmented.engine.plan.TestFilter;
import io.segmented.manifest.Manifest;
import io.segmented.manifest.Provider;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.Optional;

/**
 * One run of one module's segments.
 *
 * @param module the module's name, for results and messages
 * @param moduleDir the module directory; relative manifest paths resolve against it
 * @param manifest the module's validated manifest
 * @param runtime what the forked test JVMs are made of
 * @param reportsDir where results go: {@code target/segment-reports}
 * @param workDir where working files of the forked JVMs go: {@code target/segment-work}
 * @param providerOverride {@code -Dsegment.provider}: the provider of every fixture whose kind has
 *     a choice
 * @param selection {@code -Dsegment}: which segments run
 * @param failFast {@code -Dsegment.failFast}: no new segment after a failure
 * @param parallel how many segments run at once
 * @param shard {@code -Dsegment.shard}: this CI job's share of the selected segments
 * @param historyFile where the segments' recent outcomes and durations are kept
 * @param runOrder {@code -Dsegment.runOrder}: which segments start first
 * @param testFilter {@code -Dit.test}, {@code -Dgroups}: which tests run inside the segments
 */
public record RunRequest(
    String module,
    Path moduleDir,
    Manifest manifest,
    TestRuntime runtime,
    Path reportsDir,
    Path workDir,
    Optional<Provider> providerOverride,
    Selection selection,
    boolean failFast,
    int parallel,
    Optional<Shard> shard,
    Path historyFile,
    RunOrder runOrder,
    TestFilter testFilter) {

  /** Memory a segment is assumed to need: its test JVM and its containers. */
  private static final long MEMORY_PER_SEGMENT = 1536L << 20;

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
}
