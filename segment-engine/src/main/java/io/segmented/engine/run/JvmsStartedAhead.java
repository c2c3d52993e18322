package io.segmented.engine.run;

import io.segmented.engine.RunListener;
import io.segmented.engine.RunRequest;
import io.segmented.engine.TestRuntime;
import io.segmented.engine.fork.ClassData;
import io.segmented.engine.plan.Plan;
import io.segmented.manifest.SegmentSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The test JVMs of a run started ahead of its goal ({@link HeadStarts}): one for each segment whose
 * fixtures it starts, forked while Maven compiles. Each boots and waits, reading neither the test
 * classes nor the test resources, until {@link #testsWith} says the tests are compiled and run with
 * the same runtime; then it discovers them, and its segment's lane takes it ({@link #take}).
 */
final class JvmsStartedAhead {

  private final Plan plan;
  private final Cleanup cleanup;
  private final ClassData classData;
  private final Secrets secrets;
  private final RunListener events;
  private final Map<String, SegmentTests.Started> jvms = new ConcurrentHashMap<>();
  private volatile Optional<TestRuntime> runtime = Optional.empty();

  /** Whether {@link #testsWith} looked at the JVMs already. */
  private boolean checked;

  /** Whether the JVMs were told to discover: those started after it are told at once. */
  private boolean discovered;

  JvmsStartedAhead(
      Plan plan, Cleanup cleanup, ClassData classData, Secrets secrets, RunListener events) {
    this.plan = plan;
    this.cleanup = cleanup;
    this.classData = classData;
    this.secrets = secrets;
    this.events = events;
  }

  /**
   * Starts {@code segment}'s test JVM of {@code runtime}; none when the run starts its JVMs after
   * the fixtures ({@code -Dsegment.jvmBeside=false}), when a classpath entry is missing that the
   * compile does not make, or when it cannot start (its lane starts one, and says what is wrong).
   */
  void start(SegmentSpec segment, TestRuntime runtime, Ports ports) {
    this.runtime = Optional.of(runtime);
    RunRequest request = plan.request();
    if (!request.jvmBeside() || !foldersMade(runtime)) {
      return;
    }
    SegmentTests.Started jvm;
    try {
      jvm =
          new SegmentTests(
                  plan, runtime, segment, cleanup, ports.jvms(), secrets.mask(), classData, events)
              .startAhead(TestJvmProperties.of(segment, request.moduleDir(), List.of()));
    } catch (IOException | RuntimeException e) {
      return;
    }
    jvms.put(segment.id(), jvm);
    synchronized (this) {
      if (!discovered) {
        return;
      }
    }
    tellDiscover(jvm);
  }

  /**
   * Makes the folders of the test classpath that the compile makes ({@code target/classes}, {@code
   * target/test-classes}) and that are not there yet, empty: a JVM takes an entry that is no folder
   * when it starts for a jar, and never looks into it again. False when an entry is missing that is
   * not one of those (another module's classes, not compiled yet) or cannot be made.
   */
  private boolean foldersMade(TestRuntime runtime) {
    Path build = plan.request().workDir().toAbsolutePath().normalize().getParent();
    List<Path> entries = new ArrayList<>(runtime.testClasspath());
    entries.add(runtime.testClassesDir());
    for (Path entry : entries) {
      Path folder = entry.toAbsolutePath().normalize();
      if (Files.exists(folder)) {
        continue;
      }
      if (build == null || !folder.startsWith(build) || folder.toString().endsWith(".jar")) {
        return false;
      }
      try {
        Files.createDirectories(folder);
      } catch (IOException e) {
        return false;
      }
    }
    return true;
  }

  /**
   * The tests are compiled and run with {@code runs}: the JVMs discover them now, unless they were
   * made of another runtime (a plugin between the head start and the run changed the test
   * classpath) or the compile wrote a file into the classpath's folders that one of its jars also
   * has, when they are stopped before they discover anything and each lane starts its own. Once;
   * later calls do nothing.
   */
  synchronized void testsWith(TestRuntime runs) {
    if (runtime.isEmpty() || checked) {
      return;
    }
    checked = true;
    // the class-data archive was chosen before the compile: a file it wrote into the folders that
    // a jar also has keeps Maven's order of the classpath, which those JVMs do not have; and the
    // lanes decide anew
    List<Path> classpath = new ArrayList<>(runs.testClasspath());
    classpath.addAll(runs.launcherClasspath());
    boolean fits = classData.stillFits(classpath);
    if (fits && runtime.get().equals(runs)) {
      discovered = true;
      jvms.values().forEach(JvmsStartedAhead::tellDiscover);
      return;
    }
    if (!jvms.isEmpty()) {
      events.jvmsAheadStopped(
          fits
              ? differences(runtime.get(), runs)
              : "the compile wrote a class that a jar of the test classpath also has, which the"
                  + " class-data archive they started with does not allow for");
    }
    stopAll();
  }

  /** How the runtime {@code ahead} differs from {@code runs}, for the log. */
  static String differences(TestRuntime ahead, TestRuntime runs) {
    if (!ahead.java().equals(runs.java())) {
      return "the tests run on " + runs.java() + ", they were started on " + ahead.java();
    }
    if (!ahead.testClassesDir().equals(runs.testClassesDir())) {
      return "the test classes are in " + runs.testClassesDir() + ", not " + ahead.testClassesDir();
    }
    List<Path> was = new ArrayList<>(ahead.testClasspath());
    was.addAll(ahead.launcherClasspath());
    List<Path> is = new ArrayList<>(runs.testClasspath());
    is.addAll(runs.launcherClasspath());
    int i = 0;
    while (i < was.size() && i < is.size() && was.get(i).equals(is.get(i))) {
      i++;
    }
    String changed = "the test classpath changed after segment:warm-up resolved it";
    if (i == was.size() && i == is.size()) {
      return changed;
    }
    String entry = changed + " (entry " + (i + 1);
    if (i == was.size()) {
      return entry + " is new: " + is.get(i) + ")";
    }
    if (i == is.size()) {
      return entry + ", " + was.get(i) + ", is gone)";
    }
    return entry + " is " + is.get(i) + ", was " + was.get(i) + ")";
  }

  /** Whether the JVM of {@code segmentId} was started ahead, and is still to be taken. */
  boolean has(String segmentId) {
    return jvms.containsKey(segmentId);
  }

  /** The JVM started ahead for {@code segmentId}, once; empty when none was, or it was stopped. */
  Optional<SegmentTests.Started> take(String segmentId) {
    return Optional.ofNullable(jvms.remove(segmentId));
  }

  /**
   * Stops the JVMs no lane took, and removes their files: their segments did not run (a failFast or
   * stopped run), or will get JVMs of their own.
   */
  void stopAll() {
    for (String segmentId : List.copyOf(jvms.keySet())) {
      SegmentTests.Started started = jvms.remove(segmentId);
      if (started != null) {
        started.discard(cleanup);
      }
    }
  }

  private static void tellDiscover(SegmentTests.Started jvm) {
    try {
      jvm.jvm().discover();
    } catch (IOException e) {
      // the lane tells it again, and finds it broken if it is
    }
  }
}
