package io.segmented.engine.fork;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A real forked JVM: its output reaches its file masked line by line, not after the segment. */
class TestJvmOutputTest {

  @TempDir Path dir;

  /** Prints a secret, as a test that logs its connection settings would. */
  public static final class PrintsSecret {
    public static void main(String[] args) throws java.io.IOException {
      if (args.length > 0) {
        // awaits its handoff, as a test JVM started beside its fixtures does
        new java.io.BufferedReader(new java.io.InputStreamReader(System.in)).readLine();
        System.out.println("handed off with " + System.getProperty("app.token"));
        return;
      }
      System.out.println("connecting with pässwörd-ünï");
      System.err.println("still pässwörd-ünï");
    }
  }

  @Test
  void theOutputIsMaskedAsItIsWritten() throws Exception {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    List<Path> classpath =
        Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
            .map(Path::of)
            .toList();
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
            line -> line.replace("pässwörd-ünï", "****"));
    try (TestJvm jvm = TestJvm.start(spec)) {
      assertEquals(0, jvm.await(Duration.ofSeconds(60), dir.resolve("dump.txt")).code());
    }

    List<String> lines = Files.readAllLines(output, StandardCharsets.UTF_8);
    assertEquals(2, lines.size(), lines.toString());
    assertEquals(List.of("connecting with ****", "still ****"), lines.stream().sorted().toList());
  }

  @Test
  void theArgumentFileIsMaskedOnceTheJvmAwaitingItsHandoffHasReadIt() throws Exception {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    List<Path> classpath =
        Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
            .map(Path::of)
            .toList();
    Path args = dir.resolve("jvm.args");
    TestJvm.Spec spec =
        new TestJvm.Spec(
            java,
            classpath,
            List.of(),
            Map.of("app.token", "tok-s3cret-77"),
            Map.of(),
            PrintsSecret.class.getName(),
            List.of("await"),
            dir,
            args,
            dir.resolve("test-jvm.log"),
            line -> line.replace("tok-s3cret-77", "****"));
    try (TestJvm jvm = TestJvm.start(spec)) {
      jvm.handOff(Map.of(), Map.of(), 0, "");
      assertEquals(0, jvm.await(Duration.ofSeconds(60), dir.resolve("dump.txt")).code());
    }

    String file = Files.readString(args, StandardCharsets.UTF_8);
    assertEquals(true, file.contains("-Dapp.token=****"), file);
    assertEquals(false, file.contains("tok-s3cret-77"), file);
    assertEquals(
        List.of("handed off with ****"),
        Files.readAllLines(dir.resolve("test-jvm.log"), StandardCharsets.UTF_8),
        "the JVM got the real value");
  }
}
