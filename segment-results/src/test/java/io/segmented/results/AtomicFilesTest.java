package io.segmented.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Files replaced in one step, leaving no temporary file behind. */
class AtomicFilesTest {

  @TempDir Path dir;

  @Test
  void aCopyReplacesTheTargetWholeAndLeavesNothingElse() throws Exception {
    Path source = Files.writeString(dir.resolve("source.xml"), "<testsuite tests=\"2\"/>");
    Path out = Files.createDirectories(dir.resolve("out"));
    Path target = Files.writeString(out.resolve("TEST-a.xml"), "<testsuite tests=\"1\"/>");

    AtomicFiles.copy(source, target);

    assertEquals("<testsuite tests=\"2\"/>", Files.readString(target));
    assertEquals(List.of(target), list(out));
  }

  @Test
  void aCopyThatFailsLeavesTheTargetAndNoTemporaryFile() throws Exception {
    Path out = Files.createDirectories(dir.resolve("out"));
    Path target = Files.writeString(out.resolve("TEST-a.xml"), "<testsuite tests=\"1\"/>");

    assertThrows(IOException.class, () -> AtomicFiles.copy(dir.resolve("gone.xml"), target));

    assertEquals("<testsuite tests=\"1\"/>", Files.readString(target));
    assertEquals(List.of(target), list(out));
  }

  private static List<Path> list(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.toList();
    }
  }
}
