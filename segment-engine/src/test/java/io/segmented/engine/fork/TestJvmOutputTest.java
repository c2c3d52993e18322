package io.segmented.engine.fork;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.segmented.launcher.Event;
import io.segmented.launcher.EventCodec;
import io.segmented.launcher.SecretMask;
import io.segmented.results.TestOutcome;
import io.segmented.results.TestResult;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A real forked JVM: its output reaches its file masked line by line, not after the segment. */
class TestJvmOutputTest {

  @TempDir Path dir;

  /** Prints a secret, as a test that logs its connection settings would. */
  public static final class PrintsSecret {
    public static void main(String[] args) throws java.io.IOException {
      System.out.println("connecting with pässwörd-ünï");
      System.err.println("still pässwörd-ünï");
    }
  }

  /** Writes what a test left unfinished on its line, then a failure as the launcher tells it. */
  public static final class TellsAFailure {
    public static void main(String[] args) {
      System.out.print("half a line of the test's own");
      System.out.print(
          Event.LIVE_PREFIX
              + EventCodec.encode(
                  List.of(
                      "TEST_FINISHED",
                      "it.LoginIT",
                      "logsIn",
                      "FAILED",
                      "3",
                      "login with pässwörd-ünï failed",
                      "org.opentest4j.AssertionFailedError"))
              + "\n");
      System.out.println("after it");
      System.out.println("the prefix " + Event.LIVE_PREFIX + "alone is no failure");
    }
  }

  @Test
  void aFailureTheJvmTellsAsItHappensIsHeardAndLeftOutOfTheOutputsFile() throws Exception {
    Path output = dir.resolve("test-jvm.log");
    List<TestResult> heard = new CopyOnWriteArrayList<>();
    TestJvm.Spec spec =
        new TestJvm.Spec(
            SampleJvms.java(),
            SampleJvms.classpath(),
            List.of(),
            Map.of(),
            Map.of(),
            TellsAFailure.class.getName(),
            List.of(),
            dir,
            dir.resolve("jvm.args"),
            output,
            // a secret that is a word of the prefix does not hide a failure
            SecretMask.of(List.of("pässwörd-ünï", "launcher")),
            false,
            heard::add);
    try (TestJvm jvm = TestJvm.start(spec)) {
      assertEquals(0, jvm.await(Duration.ofSeconds(60), dir.resolve("dump.txt")).code());
    }

    assertEquals(
        List.of(
            new TestResult(
                "it.LoginIT",
                "logsIn",
                TestOutcome.FAILED,
                3,
                "login with **** failed",
                "org.opentest4j.AssertionFailedError",
                "")),
        heard);
    assertEquals(
        List.of(
            "half a line of the test's own",
            "after it",
            "the prefix :segment-****-event: alone is no failure"),
        Files.readAllLines(output, StandardCharsets.UTF_8));
  }

  @Test
  void theOutputIsMaskedAsItIsWritten() throws Exception {
    Path java = SampleJvms.java();
    List<Path> classpath = SampleJvms.classpath();
    Path output = dir.resolve("test-jvm.log");
    TestJvm.Spec spec =
        new TestJvm.Spec(
            java,
            classpath,
            List.of(),
            Map.of(),
            Map.of(),
            PrintsSecret.class.getName(),
            List.of(),
            dir,
            dir.resolve("jvm.args"),
            output,
            SecretMask.of(List.of("pässwörd-ünï")),
            false,
            failed -> {});
    try (TestJvm jvm = TestJvm.start(spec)) {
      assertEquals(0, jvm.await(Duration.ofSeconds(60), dir.resolve("dump.txt")).code());
    }

    List<String> lines = Files.readAllLines(output, StandardCharsets.UTF_8);
    assertEquals(2, lines.size(), lines.toString());
    assertEquals(List.of("connecting with ****", "still ****"), lines.stream().sorted().toList());
  }
}
