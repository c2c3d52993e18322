package io.segmented.engine.plan;

import io.segmented.engine.PropertyNames;
import io.segmented.manifest.SegmentSpec;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Which segments a run runs: all of them, or those whose id matches one of the patterns of {@code
 * -Dsegment} ({@code orders-*,payments}; {@code *} is any run of characters, {@code ?} one), less
 * those a further rule such as {@code -Dsegment.changedSince} leaves out.
 *
 * @param patterns the patterns as given; empty selects every segment
 * @param leftOut segments left out by a further rule, by id, with the rule and its reason for each
 */
public record Selection(List<String> patterns, Map<String, Decision> leftOut) {

  /** Every segment. */
  public static final Selection ALL = new Selection(List.of());

  public Selection {
    patterns = List.copyOf(patterns);
    leftOut = Map.copyOf(leftOut);
  }

  /** The segments that match one of {@code patterns}. */
  public Selection(List<String> patterns) {
    this(patterns, Map.of());
  }

  /**
   * This selection less the segments of {@code reasons}, each left out by {@code by} with its
   * reason; a segment already left out keeps its first reason.
   */
  public Selection without(Selector by, Map<String, String> reasons) {
    Map<String, Decision> all = new HashMap<>(leftOut);
    reasons.forEach((id, why) -> all.putIfAbsent(id, Decision.leftOut(by, why)));
    return new Selection(patterns, all);
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
    return matchesPatterns(segment) && !leftOut.containsKey(segment.id());
  }

  /**
   * Whether {@code segment} matches the patterns of {@code -Dsegment}, whatever else leaves it out.
   */
  public boolean matchesPatterns(SegmentSpec segment) {
    return patterns.isEmpty() || patterns.stream().anyMatch(p -> matches(p, segment.id()));
  }

  /**
   * Why {@code segment} is left out, as its SKIPPED result says; empty when this selection selects
   * it.
   */
  public Optional<Decision> whyLeftOut(SegmentSpec segment) {
    return matchesPatterns(segment)
        ? Optional.ofNullable(leftOut.get(segment.id()))
        : Optional.of(
            Decision.leftOut(
                Selector.PATTERN, "not selected by -D" + PropertyNames.SELECTION + "=" + this));
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
