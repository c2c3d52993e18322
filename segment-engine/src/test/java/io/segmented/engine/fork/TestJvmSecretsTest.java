package io.segmented.engine.fork;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.segmented.engine.fork.samples.SecretSample;
import io.segmented.launcher.EventCodec;
import io.segmented.launcher.SecretMask;
import io.segmented.launcher.SegmentLauncher;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real test JVMs running the real launcher: no file they leave behind holds a secret at any moment,
 * so a build killed with SIGKILL leaves none either; and the tests get the secrets all the same.
 */
@Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class TestJvmSecretsTest {

  private static final String PASSWORD = "pg-s3cret-4411";
  private static final String TOKEN = "tökén-ünïcode-42";

  @TempDir Path dir;

  private TestJvm.Spec spec(Map<String, String> properties, boolean beside) throws Exception {
    List<Path> classpath = SampleJvms.classpath();
    Path testClasses =
        Path.of(SecretSample.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    return new TestJvm.Spec(
        SampleJvms.java(),
        classpath,
        beside ? List.of("--add-opens", "java.base/java.util=ALL-UNNAMED") : List.of(),
        properties,
        Map.of(),
        SegmentLauncher.class.getName(),
        List.of(
            "--events",
            dir.resolve("events.txt").toString(),
            "--await-handoff",
            "true",
            "--classes-dir",
            testClasses.toString(),
            "--include-class",
            SecretSample.class.getName().replace(".", "\\.")),
        dir,
        dir.resolve("jvm.args"),
        dir.resolve("test-jvm.log"),
        SecretMask.of(List.of(PASSWORD, TOKEN)),
        beside,
        failed -> {});
  }

  private String output() {
    try {
      return Files.readString(dir.resolve("test-jvm.log"), StandardCharsets.UTF_8);
    } catch (java.io.IOException e) {
      return e.toString();
    }
  }

  /** The message of the sample's failure, as the events file holds it. */
  private String failure() throws Exception {
    List<List<String>> finished = new ArrayList<>();
    for (String line : Files.readAllLines(dir.resolve("events.txt"), StandardCharsets.UTF_8)) {
      List<String> fields = EventCodec.decode(line);
      if (fields.get(0).equals("TEST_FINISHED")) {
        finished.add(fields);
      }
    }
    assertEquals(1, finished.size(), finished.toString());
    return finished.get(0).get(5);
  }

  private List<String> secretsInFiles() throws Exception {
    List<String> found = new ArrayList<>();
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        String text = new String(Files.readAllBytes(f), StandardCharsets.UTF_8);
        Stream.of(PASSWORD, TOKEN)
            .filter(text::contains)
            .forEach(s -> found.add(dir.relativize(f) + ": " + s));
      }
    }
    return found;
  }

  @Test
  void aJvmStartedAfterItsFixturesGetsItsSecretPropertiesOnItsInputNotInItsArgumentFile()
      throws Exception {
    TestJvm.Spec spec =
        spec(
            Map.of("fixtures.db.password", PASSWORD, "app.token", TOKEN, "segment.id", "one"),
            false);

    try (TestJvm jvm = TestJvm.start(spec)) {
      assertEquals(List.of(), secretsInFiles(), "while the JVM runs");
      assertEquals(
          0, jvm.await(Duration.ofSeconds(90), dir.resolve("dump.txt")).code(), this::output);
    }

    assertEquals(List.of(), secretsInFiles(), "once it ended");
    String args = Files.readString(dir.resolve("jvm.args"), StandardCharsets.UTF_8);
    assertTrue(args.contains("\"-Dsegment.id=one\""), args);
    assertFalse(args.contains("app.token"), args);
    assertEquals(
        "could not log in with **** and ****", failure(), "the test got both values, masked");
    assertEquals(
        List.of("connecting with **** and ****"),
        Files.readAllLines(dir.resolve("test-jvm.log"), StandardCharsets.UTF_8));
  }

  @Test
  void aJvmStartedBesideItsFixturesHoldsNoSecretBeforeOrAfterItsHandoff() throws Exception {
    TestJvm.Spec spec = spec(Map.of("app.token", TOKEN, "segment.id", "one"), true);

    try (TestJvm jvm = TestJvm.start(spec)) {
      assertEquals(List.of(), secretsInFiles(), "while the fixtures start");
      jvm.handOff(
          Map.of("fixtures.db.password", PASSWORD, "segment.id", "one"),
          Map.of("FIXTURES_DB_PASSWORD", PASSWORD),
          0,
          "");
      assertEquals(
          0, jvm.await(Duration.ofSeconds(90), dir.resolve("dump.txt")).code(), this::output);
    }

    assertEquals(List.of(), secretsInFiles(), "once it ended");
    assertEquals("could not log in with **** and ****", failure());
  }

  /** Sleeps in a thread whose name holds a secret. */
  public static final class NamesAThreadAfterASecret {
    public static void main(String[] args) throws Exception {
      Thread sleeper =
          new Thread(
              () -> {
                try {
                  Thread.sleep(120_000);
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                }
              },
              "worker-for-" + System.getenv("WORKER"));
      sleeper.start();
      System.out.println("started");
      sleeper.join();
    }
  }

  @Test
  void aThreadDumpIsMaskedAsItIsWritten() throws Exception {
    Path java = SampleJvms.java();
    assumeTrue(
        Files.isExecutable(java.resolveSibling("jcmd")), "a JRE without jcmd writes no dump");
    TestJvm.Spec spec =
        new TestJvm.Spec(
            java,
            SampleJvms.classpath(),
            List.of(),
            Map.of(),
            Map.of("WORKER", PASSWORD),
            NamesAThreadAfterASecret.class.getName(),
            List.of(),
            dir,
            dir.resolve("jvm.args"),
            dir.resolve("test-jvm.log"),
            SecretMask.of(List.of(PASSWORD)),
            false,
            failed -> {});
    Path dump = dir.resolve("thread-dump.txt");

    try (TestJvm jvm = TestJvm.start(spec)) {
      while (!Files.readString(dir.resolve("test-jvm.log")).contains("started")) {
        Thread.sleep(50);
      }
      assertTrue(jvm.await(Duration.ofMillis(1), dump).timedOut());
    }

    String threads = Files.readString(dump, StandardCharsets.UTF_8);
    assertTrue(threads.contains("\"worker-for-****\""), threads);
    try (var files = Files.list(dir)) {
      assertEquals(
          List.of(),
          files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".tmp")).toList(),
          "nothing is left beside the dump");
    }
    assertEquals(List.of(), secretsInFiles());
  }
}
