package io.segmented.manifest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DurationsTest {

  @Test
  void readsEveryUnit() {
    assertEquals(Optional.of(Duration.ofMillis(250)), Durations.parse("250ms"));
    assertEquals(Optional.of(Duration.ofSeconds(30)), Durations.parse("30s"));
    assertEquals(Optional.of(Duration.ofMinutes(5)), Durations.parse("5m"));
    assertEquals(Optional.of(Duration.ofHours(1)), Durations.parse("1h"));
  }

  @Test
  void refusesWhatIsNotADuration() {
    assertEquals(Optional.empty(), Durations.parse("5"));
    assertEquals(Optional.empty(), Durations.parse("5 m"));
    assertEquals(Optional.empty(), Durations.parse("1d"));
    assertEquals(Optional.empty(), Durations.parse("-5s"));
  }
}
