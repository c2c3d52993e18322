package io.segmented.engine.fork;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.segmented.engine.fork.samples.ClassSetUpSample;
import io.segmented.results.TestResult;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real test JVM running the real launcher tells each top-level test class's own time, its
 * {@code @BeforeAll} included, which the tests' own times leave out: JUnit XML's suite time and the
 * benchmark's overhead are made of it.
 */
@Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ClassTimeTest {

  @TempDir Path dir;

  @Test
  void aClassTimeHoldsItsSetUpAndItsNestedClassesAndIsToldOncePerTopLevelClass() throws Exception {
    TestJvm.Spec spec = SampleJvms.launching(dir, ClassSetUpSample.class, Map.of());

    try (TestJvm jvm = TestJvm.start(spec)) {
      assertEquals(0, jvm.await(Duration.ofSeconds(90), dir.resolve("dump.txt")).code());
    }

    TestEvents events = TestEvents.read(dir.resolve("events.txt"));
    assertEquals(
        List.of("adds", "multiplies"),
        events.tests().stream().map(TestResult::name).sorted().toList());
    assertEquals(
        List.of(ClassSetUpSample.class.getName()),
        List.copyOf(events.classMillis().keySet()),
        "the top-level class only: a nested class's time is inside its outer class's");
    long classMillis = events.classMillis().get(ClassSetUpSample.class.getName());
    long testsMillis = events.tests().stream().mapToLong(TestResult::durationMillis).sum();
    assertTrue(
        classMillis >= ClassSetUpSample.SET_UP_MILLIS + testsMillis,
        "class "
            + classMillis
            + " ms, set-up at least "
            + ClassSetUpSample.SET_UP_MILLIS
            + " ms, tests "
            + testsMillis
            + " ms");
    assertTrue(
        testsMillis < ClassSetUpSample.SET_UP_MILLIS,
        "the tests' own times leave the set-up out: " + testsMillis + " ms");
  }
}
