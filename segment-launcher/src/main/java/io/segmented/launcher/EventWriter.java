package io.segmented.launcher;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes events, flushed one by one, so that the engine knows the running test even if the JVM
 * dies; each field masked by the run's secrets once the JVM has them, so that the file never holds
 * one, not even when the build is killed before it could mask the file itself. A failed test is
 * also told at once on the JVM's standard output ({@link Event#LIVE_PREFIX}).
 */
final class EventWriter {

  /** How much of a failure's message its line on the standard output carries. */
  private static final int LIVE_MESSAGE_LIMIT = 300;

  private final Writer out;
  private final PrintStream live;
  private SecretMask mask = SecretMask.NONE;

  /**
   * @param out the events file
   * @param live where a failed test is told as it fails: the JVM's standard output, as it was
   *     before any test could replace {@code System.out}; {@code null} for nowhere
   */
  EventWriter(Writer out, PrintStream live) {
    this.out = out;
    this.live = live;
  }

  /** Masks {@code secrets} in every event written from now on. */
  synchronized void mask(SecretMask secrets) {
    this.mask = secrets;
  }

  synchronized void write(Event event, String... fields) {
    List<String> all = new ArrayList<>(fields.length + 1);
    all.add(event.name());
    for (String field : fields) {
      // each field before it is escaped: a secret with a tab or a line break in it is found too
      all.add(mask.apply(field));
    }
    try {
      out.write(EventCodec.encode(all));
      out.write('\n');
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (live != null && event == Event.TEST_FINISHED && failed(all)) {
      tellLive(all);
    }
  }

  private static boolean failed(List<String> event) {
    return event.size() > 3 && (event.get(3).equals("FAILED") || event.get(3).equals("ERROR"));
  }

  /**
   * The failure, on one line: its class, name, outcome, duration, the first line of its message and
   * its exception type. A test that left its own output without a line break has the line begin
   * with that output; the build finds the prefix in the line all the same.
   */
  private void tellLive(List<String> event) {
    List<String> brief = new ArrayList<>(event.subList(0, Math.min(event.size(), 7)));
    if (brief.size() > 5) {
      String message = brief.get(5);
      int lineEnd = message.indexOf('\n');
      message = lineEnd < 0 ? message : message.substring(0, lineEnd);
      brief.set(
          5,
          message.length() > LIVE_MESSAGE_LIMIT
              ? message.substring(0, LIVE_MESSAGE_LIMIT) + "…"
              : message);
    }
    tell(live, brief);
  }

  /**
   * Writes {@code fields} to {@code live} as one line after {@link Event#LIVE_PREFIX}, in one write
   * under its lock, so that a test's thread writing at the same time cannot split the line.
   */
  static void tell(PrintStream live, List<String> fields) {
    synchronized (live) {
      // in ASCII: the engine reads the output as UTF-8, whatever the platform's encoding is
      live.print(Event.LIVE_PREFIX + EventCodec.encodeAscii(fields) + "\n");
      live.flush();
    }
  }
}
