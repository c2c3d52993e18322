package it.faults;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class FlakyIT {

  /** Fails on its first attempt, passes on the retry. */
  @Test
  void passesOnTheRetry() throws Exception {
    Path mark = Path.of(System.getProperty("segment.basedir"), "target", "flaky-failed-once");
    if (Files.deleteIfExists(mark)) {
      return;
    }
    Files.createFile(mark);
    fail("connection reset by the payments double (first attempt)");
  }
}
