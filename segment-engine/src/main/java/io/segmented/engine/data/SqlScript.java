package io.segmented.engine.data;

import java.util.ArrayList;
import java.util.List;

/**
 * A SQL script cut into statements at the semicolons outside quotes and comments, each with the
 * line it starts on, for servers that run one statement at a time (MySQL, MariaDB).
 */
final class SqlScript {

  /** One statement and the line of the script it starts on. */
  record Statement(int line, String sql) {}

  private SqlScript() {}

  static List<Statement> split(String script) {
    List<Statement> out = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    int line = 1;
    int startLine = -1;
    char quote = 0;
    for (int i = 0; i < script.length(); i++) {
      char c = script.charAt(i);
      char next = i + 1 < script.length() ? script.charAt(i + 1) : 0;
      if (quote == 0 && c == '-' && next == '-' || quote == 0 && c == '#') {
        int end = script.indexOf('\n', i);
        i = (end < 0 ? script.length() : end) - 1;
        continue;
      }
      if (quote == 0 && c == '/' && next == '*') {
        int end = script.indexOf("*/", i + 2);
        String comment = script.substring(i, end < 0 ? script.length() : end + 2);
        line += (int) comment.chars().filter(ch -> ch == '\n').count();
        i = (end < 0 ? script.length() : end + 2) - 1;
        continue;
      }
      if (c == '\n') {
        line++;
      }
      if (quote == 0 && c == ';') {
        add(out, startLine, current);
        current.setLength(0);
        startLine = -1;
        continue;
      }
      if (quote == 0 && (c == '\'' || c == '"' || c == '`')) {
        quote = c;
      } else if (quote != 0 && c == quote) {
        if (next == quote) {
          current.append(c);
          i++;
        } else {
          quote = 0;
        }
      } else if (quote != 0 && c == '\\' && quote != '`' && next != 0) {
        current.append(c);
        c = next;
        i++;
      }
      if (startLine < 0 && !Character.isWhitespace(c)) {
        startLine = line;
      }
      current.append(c);
    }
    add(out, startLine, current);
    return out;
  }

  private static void add(List<Statement> out, int line, StringBuilder sql) {
    String text = sql.toString().strip();
    if (!text.isEmpty()) {
      out.add(new Statement(line, text));
    }
  }
}
