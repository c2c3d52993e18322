package io.segmented.launcher;

import java.util.ArrayList;
import java.util.List;

/**
 * The line format of the event stream between a forked test JVM and the engine: one event a line,
 * fields separated by tabs, with backslash, tab, newline and carriage return escaped inside fields.
 * Plain text, so that the launcher needs no library and a half-written stream of a crashed JVM is
 * still readable up to its last line.
 */
public final class EventCodec {

  private EventCodec() {}

  /** Joins fields into one line, without the line break. */
  public static String encode(List<String> fields) {
    return encode(fields, false);
  }

  /**
   * As {@link #encode(List)}, with every character outside ASCII as {@code \\uXXXX}: a line that
   * goes through the JVM's standard output, whose encoding is the platform's, reads the same in
   * any.
   */
  public static String encodeAscii(List<String> fields) {
    return encode(fields, true);
  }

  private static String encode(List<String> fields, boolean ascii) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < fields.size(); i++) {
      if (i > 0) {
        out.append('\t');
      }
      String field = fields.get(i) == null ? "" : fields.get(i);
      for (int c = 0; c < field.length(); c++) {
        char ch = field.charAt(c);
        switch (ch) {
          case '\\' -> out.append("\\\\");
          case '\t' -> out.append("\\t");
          case '\n' -> out.append("\\n");
          case '\r' -> out.append("\\r");
          default -> {
            if (ascii && ch > 0x7e) {
              out.append(String.format("\\u%04x", (int) ch));
            } else {
              out.append(ch);
            }
          }
        }
      }
    }
    return out.toString();
  }

  /** Splits one line into its fields. */
  public static List<String> decode(String line) {
    List<String> fields = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    for (int i = 0; i < line.length(); i++) {
      char ch = line.charAt(i);
      if (ch == '\t') {
        fields.add(field.toString());
        field.setLength(0);
      } else if (ch == '\\' && i + 1 < line.length()) {
        char next = line.charAt(++i);
        if (next == 'u' && i + 4 < line.length() && hex(line.substring(i + 1, i + 5))) {
          field.append((char) Integer.parseInt(line.substring(i + 1, i + 5), 16));
          i += 4;
          continue;
        }
        field.append(
            switch (next) {
              case 't' -> '\t';
              case 'n' -> '\n';
              case 'r' -> '\r';
              default -> next;
            });
      } else {
        field.append(ch);
      }
    }
    fields.add(field.toString());
    return fields;
  }

  private static boolean hex(String four) {
    return four.chars().allMatch(c -> Character.digit(c, 16) >= 0);
  }
}
