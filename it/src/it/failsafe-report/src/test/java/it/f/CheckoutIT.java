package it.f;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class CheckoutIT {

  private static final Path MARK =
      Path.of(System.getProperty("segment.basedir"), "target", "confirm-failed-once");

  /** Fails every time: FAILED after its retry. */
  @Test
  void chargesTheCard() {
    assertEquals("paid", "declined", "payment state");
  }

  /** Fails on its first attempt only: FLAKY. */
  @Test
  void confirmsTheOrder() throws Exception {
    if (Files.deleteIfExists(MARK)) {
      return;
    }
    Files.createDirectories(MARK.getParent());
    Files.createFile(MARK);
    fail("confirmation e-mail not sent yet");
  }
}
