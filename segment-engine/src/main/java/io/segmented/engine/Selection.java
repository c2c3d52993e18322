package io.segmented.engine;

import io.segmented.manifest.SegmentSpec;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Which segments a run runs: all of them, or those whose id matches one of the patterns of {@code
 * -Dsegment} ({@code orders-*,payments}; {@code *} is any run of characters, {@code ?} one).
 *
 * @param patterns the patterns as given; empty selects every segment
 */
public record Selection(List<String> patterns) {

  /** Every segment. */
  public static final Selection ALL = new Selection(List.of());

  public Selection {
    patterns = List.copyOf(patterns);
  }

  /** A comma-separated list of patterns; blank selects every segment. */
  public static Selection parse(String text) {
    if (text == null || text.isBlank()) {
      return ALL;
    }
    List<String> patterns = new ArrayList<>();
    for (String p : text.split(",")) {
      if (!p.isBlank()) {
        patterns.add(p.trim());
      }
    }
    return new Selection(patterns);
  }

  /** Whether {@code segment} is selected. */
  public boolean selects(SegmentSpec segment) {
    return patterns.isEmpty() || patterns.stream().anyMatch(p -> matches(p, segment.id()));
  }

  /** The patterns that select none of {@code segments}: each is most likely a typo. */
  public List<String> unmatched(Collection<SegmentSpec> segments) {
    return patterns.stream()
        .filter(p -> segments.stream().noneMatch(s -> matches(p, s.id())))
        .collect(Collectors.toList());
  }

  private static boolean matches(String pattern, String id) {
    StringBuilder regex = new StringBuilder();
    for (char c : pattern.toCharArray()) {
      regex.append(c == '*' ? ".*" : c == '?' ? "." : Pattern.quote(String.valueOf(c)));
    }
    return id.matches(regex.toString());
  }

  @Override
  public String toString() {
    return patterns.isEmpty() ? "all" : String.join(",", patterns);
  }
}
