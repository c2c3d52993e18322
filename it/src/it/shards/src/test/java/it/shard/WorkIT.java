package it.shard;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.Test;

class WorkIT {

  /** Leaves a line per run of a segment, so that the IT can count how often each one ran. */
  @Test
  void recordsThatItsSegmentRan() throws Exception {
    String segment = System.getProperty("segment.id");
    assertTrue(segment != null && !segment.isEmpty());
    Files.writeString(
        Path.of(System.getProperty("segment.basedir"), "target", "ran.txt"),
        segment + "\n",
        StandardOpenOption.CREATE,
        StandardOpenOption.APPEND);
  }
}
