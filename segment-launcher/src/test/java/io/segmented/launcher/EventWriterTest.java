package io.segmented.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

class EventWriterTest {

  @Test
  void eventsAreMaskedAsTheyAreWrittenOnceTheSecretsAreKnown() {
    StringWriter file = new StringWriter();
    EventWriter events = new EventWriter(file);
    events.write(Event.RUN_STARTED, "1", "1");

    events.mask(SecretMask.of(List.of("pg-s3cret-1", "tab\tsecret")));
    events.write(
        Event.TEST_FINISHED,
        "it.LoginIT",
        "logsIn",
        "FAILED",
        "3",
        "login with pg-s3cret-1 failed",
        "org.opentest4j.AssertionFailedError",
        "at it.LoginIT.logsIn(tab\tsecret)\n",
        "[engine:junit-jupiter]/[class:it.LoginIT]/[method:logsIn()]");

    String[] lines = file.toString().split("\n");
    assertEquals("RUN_STARTED\t1\t1", lines[0]);
    assertEquals(
        List.of(
            "TEST_FINISHED",
            "it.LoginIT",
            "logsIn",
            "FAILED",
            "3",
            "login with **** failed",
            "org.opentest4j.AssertionFailedError",
            "at it.LoginIT.logsIn(****)\n",
            "[engine:junit-jupiter]/[class:it.LoginIT]/[method:logsIn()]"),
        EventCodec.decode(lines[1]),
        "a secret with a tab in it is masked before it is escaped");
  }
}
