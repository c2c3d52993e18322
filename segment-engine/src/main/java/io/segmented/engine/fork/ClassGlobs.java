package io.segmented.engine.fork;

import java.util.regex.Pattern;

/**
 * Class-name globs of the manifest as regular expressions: {@code *} stays within one package
 * level, {@code **} crosses levels, and {@code **.} also matches no package at all.
 */
public final class ClassGlobs {

  private ClassGlobs() {}

  /** The regular expression matching the fully qualified names {@code glob} selects. */
  public static String toRegex(String glob) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < glob.length(); i++) {
      char c = glob.charAt(i);
      if (c == '*' && i + 1 < glob.length() && glob.charAt(i + 1) == '*') {
        boolean dotFollows = i + 2 < glob.length() && glob.charAt(i + 2) == '.';
        out.append(dotFollows ? "(?:.*\\.)?" : ".*");
        i += dotFollows ? 2 : 1;
      } else if (c == '*') {
        out.append("[^.]*");
      } else if (c == '?') {
        out.append("[^.]");
      } else {
        out.append(Pattern.quote(String.valueOf(c)));
      }
    }
    return out.toString();
  }
}
