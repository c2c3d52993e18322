package io.segmented.engine.fork;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.segmented.engine.fork.samples.CrashWithProcessSample;
import io.segmented.engine.fork.samples.LeftProcessSample;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A process a test started and left running outlives its JVM, no one's child any more; closing the
 * real test JVM stops it, says so, and leaves alone what the tests stopped themselves.
 */
@Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class LeftProcessTest {

  @TempDir Path dir;

  private List<Long> pids = List.of();

  @Test
  void aProcessTheTestsLeftRunningIsStoppedWithTheirJvmAndTold() throws Exception {
    Path pidFile = dir.resolve("pids.txt");
    TestJvm.Spec spec =
        SampleJvms.launching(
            dir, LeftProcessSample.class, Map.of("sample.pids", pidFile.toString()));

    TestJvm.Exit exit;
    List<String> leftovers;
    try (TestJvm jvm = TestJvm.start(spec)) {
      exit = jvm.awaitEnd(Duration.ofSeconds(90), dir.resolve("dump.txt"));
      pids = Files.readAllLines(pidFile).stream().map(Long::parseLong).toList();
      jvm.close();
      leftovers = jvm.leftovers();
    }

    assertEquals(0, exit.code(), exit.toString());
    long forgotten = pids.get(0);
    assertEquals(1, leftovers.size(), leftovers.toString());
    assertFalse(alive(forgotten), "the forgotten process outlived its JVM");
    assertTrue(
        leftovers.get(0).startsWith("stopped 1 process(es) its tests started and left running: ")
            && leftovers.get(0).contains(forgotten + " ("),
        leftovers.get(0));
    assertFalse(
        leftovers.get(0).contains(String.valueOf(pids.get(1))),
        "the process a shutdown hook stopped is not the build's doing: " + leftovers.get(0));
    String log = Files.readString(dir.resolve("test-jvm.log"), StandardCharsets.UTF_8);
    assertTrue(log.endsWith("[segment] " + leftovers.get(0) + "\n"), log);
    assertEquals(
        1,
        log.split("\\[segment\\] ", -1).length - 1,
        "closed twice (here, then by try-with-resources), told once: " + log);
  }

  @Test
  void aProcessStartedByATestWhoseJvmCrashedIsStoppedWithItAndTold() throws Exception {
    Path pidFile = dir.resolve("pids.txt");
    TestJvm.Spec spec =
        SampleJvms.launching(
            dir, CrashWithProcessSample.class, Map.of("sample.pids", pidFile.toString()));

    TestJvm.Exit exit;
    List<String> leftovers;
    try (TestJvm jvm = TestJvm.start(spec)) {
      exit = jvm.awaitEnd(Duration.ofSeconds(90), dir.resolve("dump.txt"));
      pids = Files.readAllLines(pidFile).stream().map(Long::parseLong).toList();
      assertTrue(alive(pids.get(0)), "outlives its crashed JVM until the build stops it");
      jvm.close();
      leftovers = jvm.leftovers();
    }

    assertEquals(3, exit.code(), exit.toString());
    assertFalse(alive(pids.get(0)), "the crashed JVM's process is stopped");
    assertEquals(1, leftovers.size(), leftovers.toString());
    assertTrue(leftovers.get(0).contains(pids.get(0) + " ("), leftovers.get(0));
  }

  @AfterEach
  void stopWhatIsLeft() {
    // a failing test leaves no sleep behind either
    pids.forEach(pid -> ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly));
  }

  /** Alive and not a zombie: a killed process is one until its new parent reaps it. */
  private static boolean alive(long pid) {
    Optional<ProcessHandle> p = ProcessHandle.of(pid);
    return p.isPresent() && TestJvm.running(p.get());
  }
}
