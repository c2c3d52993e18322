package io.segmented.engine.change;

import java.util.regex.Pattern;

/**
 * A {@code covers} glob: a path relative to the module directory, {@code /} between folders, that
 * matches files (not folders). {@code *} matches within one folder level, {@code **} across levels,
 * and {@code **}{@code /} also matches no folder at all (so {@code src/**}{@code /*.sql} matches
 * {@code src/a.sql}); {@code ?} is one character other than {@code /}; {@code {a,b}} is either
 * alternative. Everything else matches itself. A leading {@code ./} is ignored.
 */
final class PathGlob {

  private final String glob;
  private final Pattern regex;

  PathGlob(String glob) {
    this.glob = glob;
    this.regex = Pattern.compile(toRegex(glob.startsWith("./") ? glob.substring(2) : glob));
  }

  /** Whether the module-relative {@code path} ({@code /} between folders) matches. */
  boolean matches(String path) {
    return regex.matcher(path).matches();
  }

  @Override
  public String toString() {
    return glob;
  }

  static String toRegex(String glob) {
    StringBuilder out = new StringBuilder();
    int braces = 0;
    for (int i = 0; i < glob.length(); i++) {
      char c = glob.charAt(i);
      if (c == '*' && i + 1 < glob.length() && glob.charAt(i + 1) == '*') {
        boolean slashFollows = i + 2 < glob.length() && glob.charAt(i + 2) == '/';
        out.append(slashFollows ? "(?:.*/)?" : ".*");
        i += slashFollows ? 2 : 1;
      } else if (c == '*') {
        out.append("[^/]*");
      } else if (c == '?') {
        out.append("[^/]");
      } else if (c == '{' && glob.indexOf('}', i) > 0) {
        braces++;
        out.append("(?:");
      } else if (c == ',' && braces > 0) {
        out.append('|');
      } else if (c == '}' && braces > 0) {
        braces--;
        out.append(')');
      } else {
        out.append(Pattern.quote(String.valueOf(c)));
      }
    }
    return out.toString();
  }
}
