package io.segmented.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import org.junit.jupiter.api.Test;

class EventCodecTest {

  @Test
  void fieldsWithTabsNewlinesAndBackslashesSurviveTheRoundTrip() {
    List<String> fields = List.of("TEST_FINISHED", "a\tb", "line1\nline2\r\n", "C:\\path\\n", "");
    String line = EventCodec.encode(fields);

    assertFalse(line.contains("\n"));
    assertEquals(fields, EventCodec.decode(line));
  }

  @Test
  void emptyFieldsAreKept() {
    assertEquals(List.of("", "", ""), EventCodec.decode(EventCodec.encode(List.of("", "", ""))));
  }
}
