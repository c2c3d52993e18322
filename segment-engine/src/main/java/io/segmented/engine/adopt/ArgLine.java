package io.segmented.engine.adopt;

import java.util.ArrayList;
import java.util.List;

/** failsafe's {@code argLine} as separate JVM arguments. */
final class ArgLine {

  private ArgLine() {}

  /**
   * Splits on white space; double or single quotes keep white space inside an argument and are
   * removed, as a shell would.
   */
  static List<String> split(String argLine) {
    List<String> out = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    boolean inToken = false;
    char quote = 0;
    for (char c : argLine.toCharArray()) {
      if (quote != 0) {
        if (c == quote) {
          quote = 0;
        } else {
          current.append(c);
        }
      } else if (c == '"' || c == '\'') {
        quote = c;
        inToken = true;
      } else if (Character.isWhitespace(c)) {
        if (inToken) {
          out.add(current.toString());
          current.setLength(0);
          inToken = false;
        }
      } else {
        current.append(c);
        inToken = true;
      }
    }
    if (inToken) {
      out.add(current.toString());
    }
    return out;
  }
}
