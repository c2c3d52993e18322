package io.segmented.engine.fork;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.segmented.launcher.SecretMask;
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
            SecretMask.of(List.of("pässwörd-ünï")),
            false);
    try (TestJvm jvm = TestJvm.start(spec)) {
      assertEquals(0, jvm.await(Duration.ofSeconds(60), dir.resolve("dump.txt")).code());
    }

    List<String> lines = Files.readAllLines(output, StandardCharsets.UTF_8);
    assertEquals(2, lines.size(), lines.toString());
    assertEquals(List.of("connecting with ****", "still ****"), lines.stream().sorted().toList());
  }
}
