package io.segmented.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class EventWriterTest {

  @Test
  void eventsAreMaskedAsTheyAreWrittenOnceTheSecretsAreKnown() {
    StringWriter file = new StringWriter();
    EventWriter events = new EventWriter(file, null);
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

  @Test
  void aFailedTestIsToldOnTheStandardOutputAsItFailsAPassedOneIsNot() {
    ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    EventWriter events =
        new EventWriter(new StringWriter(), new PrintStream(stdout, true, StandardCharsets.UTF_8));
    events.mask(SecretMask.of(List.of("pg-s3cret-1")));
    events.write(Event.TEST_STARTED, "it.LoginIT", "logsIn");
    events.write(
        Event.TEST_FINISHED, "it.LoginIT", "passes", "PASSED", "2", "", "", "", "[id:passes]");
    events.write(
        Event.TEST_FINISHED,
        "it.LoginIT",
        "logsIn",
        "ERROR",
        "3",
        "login with pg-s3cret-1 failed for jörg\nsecond line",
        "java.sql.SQLException",
        "at it.LoginIT.logsIn\n",
        "[id:logsIn]");

    String out = stdout.toString(StandardCharsets.UTF_8);
    assertEquals(1, out.lines().count(), out);
    assertTrue(out.chars().allMatch(c -> c < 0x7f), "ASCII, whatever the platform's encoding");
    assertTrue(out.startsWith(Event.LIVE_PREFIX), out);
    assertEquals(
        List.of(
            "TEST_FINISHED",
            "it.LoginIT",
            "logsIn",
            "ERROR",
            "3",
            "login with **** failed for jörg",
            "java.sql.SQLException"),
        EventCodec.decode(out.strip().substring(Event.LIVE_PREFIX.length())),
        "the first line of the message, masked; no stack trace");
  }
}
