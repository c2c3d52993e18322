package io.segmented.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

  @Test
  void inAsciiEveryOtherCharacterIsEscapedAndComesBackAndALiteralBackslashUStaysText() {
    List<String> fields =
        List.of("TEST_FINISHED", "pässwörd-ünï … \\u2718 ✘ 𝄞", "C:\\users\\u0041", "\\u00");
    String line = EventCodec.encodeAscii(fields);

    assertTrue(line.chars().allMatch(c -> c < 0x7f), line);
    assertEquals(fields, EventCodec.decode(line));
    assertEquals(fields, EventCodec.decode(EventCodec.encode(fields)));
  }
}
