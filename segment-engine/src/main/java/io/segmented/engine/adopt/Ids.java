package io.segmented.engine.adopt;

import java.util.Locale;
import java.util.Set;

/** Ids as the manifest wants them ({@code [a-z][a-z0-9-]*}), made from names found elsewhere. */
final class Ids {

  private Ids() {}

  /** {@code Orders_Repo} as {@code orders-repo}; never empty, always starting with a letter. */
  static String of(String name) {
    String id =
        name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
    if (id.isEmpty()) {
      return "tests";
    }
    return Character.isLetter(id.charAt(0)) ? id : "it-" + id;
  }

  /** {@code id}, or {@code id-2}, {@code id-3}… when {@code taken} has it; adds it to taken. */
  static String unique(String id, Set<String> taken) {
    String candidate = id;
    for (int n = 2; !taken.add(candidate); n++) {
      candidate = id + "-" + n;
    }
    return candidate;
  }
}
