package io.segmented.manifest;

import java.util.Collection;
import java.util.List;
import java.util.TreeSet;

/** "Did you mean" for misspelt keys and ids. */
final class Suggestions {

  private static final int MAX_LISTED = 12;

  private Suggestions() {}

  /** {@code "Did you mean 'fixtures'?"}, or the list of valid names when none is close. */
  static String didYouMean(String written, Collection<String> valid) {
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String candidate : valid) {
      int d = distance(written.toLowerCase(), candidate.toLowerCase());
      if (d < bestDistance) {
        best = candidate;
        bestDistance = d;
      }
    }
    if (best != null && bestDistance <= Math.max(2, written.length() / 3)) {
      return "Did you mean '" + best + "'?";
    }
    List<String> names = List.copyOf(new TreeSet<>(valid));
    return names.size() <= MAX_LISTED
        ? "Valid here: " + String.join(", ", names)
        : "Valid here: "
            + String.join(", ", names.subList(0, MAX_LISTED))
            + " and "
            + (names.size() - MAX_LISTED)
            + " more";
  }

  private static int distance(String a, String b) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }
}
