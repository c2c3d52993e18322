package io.segmented.engine.fork;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ProcessIdentityTest {

  private final ProcessHandle self = ProcessHandle.current();
  private final Instant started = self.info().startInstant().orElseThrow();

  @Test
  void aRunningProcessIsTheOneRecordedWithItsStartTime() {
    assertEquals(Optional.of(self), ProcessIdentity.find(self.pid(), Optional.of(started)));
    assertTrue(ProcessIdentity.isSame(self, Optional.of(started.plusMillis(1500))));
  }

  @Test
  void anIdWhoseProcessStartedAtAnotherTimeNamesAnotherProcess() {
    Instant earlier = started.minus(ProcessIdentity.START_TOLERANCE).minus(Duration.ofSeconds(1));
    assertEquals(Optional.empty(), ProcessIdentity.find(self.pid(), Optional.of(earlier)));
  }

  @Test
  void anUnknownStartTimeTrustsTheId() {
    assertEquals(Optional.of(self), ProcessIdentity.find(self.pid(), Optional.empty()));
  }

  @Test
  void aProcessThatEndedIsNoneEvenWithItsOwnStartTime() throws Exception {
    Process p = new ProcessBuilder("true").start();
    ProcessHandle handle = p.toHandle();
    Optional<Instant> at = handle.info().startInstant();
    p.waitFor();
    assertFalse(ProcessIdentity.isSame(handle, at));
    assertEquals(Optional.empty(), ProcessIdentity.find(handle.pid(), at));
  }
}
