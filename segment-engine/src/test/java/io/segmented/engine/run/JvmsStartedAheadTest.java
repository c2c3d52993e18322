package io.segmented.engine.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.segmented.engine.TestRuntime;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the log says when the test JVMs started ahead do not fit the compiled tests. */
class JvmsStartedAheadTest {

  private static final Path JAVA = Path.of("/jdk/bin/java");
  private static final Path TESTS = Path.of("/m/target/test-classes");
  private static final List<Path> LAUNCHER = List.of(Path.of("/r/launcher.jar"));

  private static TestRuntime runtime(String... entries) {
    return new TestRuntime(JAVA, TESTS, List.of(entries).stream().map(Path::of).toList(), LAUNCHER);
  }

  @Test
  void theFirstEntryThatDiffers() {
    assertEquals(
        "the test classpath changed after segment:warm-up resolved it (entry 3 is /r/b.jar,"
            + " was /r/a.jar)",
        JvmsStartedAhead.differences(
            runtime("/m/target/test-classes", "/m/target/classes", "/r/a.jar", "/r/b.jar"),
            runtime("/m/target/test-classes", "/m/target/classes", "/r/b.jar", "/r/a.jar")));
  }

  @Test
  void anEntryAddedOrGone() {
    assertEquals(
        "the test classpath changed after segment:warm-up resolved it (entry 2 is new: /r/a.jar)",
        JvmsStartedAhead.differences(
            new TestRuntime(JAVA, TESTS, List.of(TESTS), List.of()),
            new TestRuntime(JAVA, TESTS, List.of(TESTS, Path.of("/r/a.jar")), List.of())));
    assertEquals(
        "the test classpath changed after segment:warm-up resolved it (entry 2, /r/launcher.jar,"
            + " is gone)",
        JvmsStartedAhead.differences(
            runtime("/m/target/test-classes"),
            new TestRuntime(JAVA, TESTS, List.of(TESTS), List.of())));
  }

  @Test
  void anotherJava() {
    assertEquals(
        "the tests run on /jdk25/bin/java, they were started on /jdk/bin/java",
        JvmsStartedAhead.differences(
            runtime("/r/a.jar"),
            new TestRuntime(
                Path.of("/jdk25/bin/java"), TESTS, List.of(Path.of("/r/a.jar")), LAUNCHER)));
  }
}
