package io.segmented.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes events, flushed one by one, so that the engine knows the running test even if the JVM
 * dies.
 */
final class EventWriter {

  private final Writer out;

  EventWriter(Writer out) {
    this.out = out;
  }

  synchronized void write(Event event, String... fields) {
    List<String> all = new ArrayList<>(fields.length + 1);
    all.add(event.name());
    all.addAll(List.of(fields));
    try {
      out.write(EventCodec.encode(all));
      out.write('\n');
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
