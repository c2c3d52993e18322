package io.segmented.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes events, flushed one by one, so that the engine knows the running test even if the JVM
 * dies; each field masked by the run's secrets once the JVM has them, so that the file never holds
 * one, not even when the build is killed before it could mask the file itself.
 */
final class EventWriter {

  private final Writer out;
  private SecretMask mask = SecretMask.NONE;

  EventWriter(Writer out) {
    this.out = out;
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
  }
}
