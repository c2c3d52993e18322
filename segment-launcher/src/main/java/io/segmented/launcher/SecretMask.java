package io.segmented.launcher;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Secret values, each replaced by {@value #MASK} wherever it appears in a text, the longest first
 * (so that a secret that contains another is masked whole). The engine masks its logs and results
 * with it, and a test JVM the events it writes, so that both mask alike.
 */
public final class SecretMask implements UnaryOperator<String> {

  /** What a secret is replaced with. */
  public static final String MASK = "****";

  /** Masks nothing. */
  public static final SecretMask NONE = new SecretMask(List.of());

  private final List<String> values;

  private SecretMask(List<String> values) {
    this.values = values;
  }

  /** A mask of {@code values}; empty ones are left out, they would mask everything. */
  public static SecretMask of(Collection<String> values) {
    return new SecretMask(
        values.stream()
            .filter(v -> v != null && !v.isEmpty())
            .distinct()
            .sorted(Comparator.comparingInt(String::length).reversed())
            .toList());
  }

  /** The secret values, the longest first. */
  public List<String> values() {
    return values;
  }

  /** Whether {@code text} holds a secret. */
  public boolean hides(String text) {
    return text != null && values.stream().anyMatch(text::contains);
  }

  /** {@code text} with every secret in it replaced by {@value #MASK}; null stays null. */
  @Override
  public String apply(String text) {
    if (text == null) {
      return null;
    }
    String out = text;
    for (String v : values) {
      out = out.replace(v, MASK);
    }
    return out;
  }
}
