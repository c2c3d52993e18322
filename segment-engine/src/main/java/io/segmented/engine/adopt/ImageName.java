package io.segmented.engine.adopt;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A container image reference found as a string constant in a test ({@code "postgres:16-alpine"},
 * {@code "ghcr.io/acme/billing:1.4"}), and the fixture kind that runs it. Only references with a
 * tag or digest count: a bare word is too often something else.
 *
 * @param reference the reference as written
 * @param repository its repository path without registry, tag or digest ({@code acme/billing})
 * @param kind the manifest's fixture kind key that runs it: {@code postgres}, {@code mysql}, {@code
 *     mariadb}, {@code redis}, {@code wiremock}, else {@code container}
 */
public record ImageName(String reference, String repository, String kind) {

  private static final String COMPONENT = "[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*";
  private static final Pattern REFERENCE =
      Pattern.compile(
          "(?:(?<registry>[a-zA-Z0-9-]+(?:\\.[a-zA-Z0-9-]+)*(?::[0-9]+)?)/)?"
              + "(?<repository>"
              + COMPONENT
              + "(?:/"
              + COMPONENT
              + ")*)"
              + "(?::(?<tag>[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}))?"
              + "(?:@(?<digest>sha256:[0-9a-f]{64}))?");

  /** Strings of the form {@code word:word} that are not images. */
  private static final Set<String> NOT_IMAGES =
      Set.of("jdbc", "http", "https", "file", "classpath", "localhost", "mailto", "urn", "tcp");

  /** The image that {@code text} names, if it reads as one. */
  public static Optional<ImageName> parse(String text) {
    Matcher m = REFERENCE.matcher(text);
    if (text.length() > 255 || !m.matches()) {
      return Optional.empty();
    }
    String registry = m.group("registry");
    String repository = m.group("repository");
    String tag = m.group("tag");
    if (tag == null && m.group("digest") == null) {
      return Optional.empty();
    }
    if (registry != null
        && !registry.contains(".")
        && !registry.contains(":")
        && !registry.equals("localhost")) {
      // docker's rule: a first component without '.' or ':' is a namespace, not a registry
      repository = registry.toLowerCase(Locale.ROOT) + "/" + repository;
      if (!registry.equals(registry.toLowerCase(Locale.ROOT))) {
        return Optional.empty();
      }
    }
    String first =
        repository.contains("/") ? repository.substring(0, repository.indexOf('/')) : repository;
    if (registry == null && NOT_IMAGES.contains(first)) {
      return Optional.empty();
    }
    String kind = kindOf(repository);
    if (kind.equals("container") && tag != null && !looksLikeVersion(tag) && registry == null) {
      // "hh:mm", "key:value": a generic image is believed only with a version-like tag
      return Optional.empty();
    }
    return Optional.of(new ImageName(text, repository, kind));
  }

  private static boolean looksLikeVersion(String tag) {
    return tag.equals("latest") || tag.chars().anyMatch(Character::isDigit);
  }

  private static String kindOf(String repository) {
    String name = repository.substring(repository.lastIndexOf('/') + 1);
    return switch (name) {
      case "postgres", "postgresql", "postgis" -> "postgres";
      case "mysql" -> "mysql";
      case "mariadb" -> "mariadb";
      case "redis" -> "redis";
      case "wiremock" -> "wiremock";
      default -> "container";
    };
  }

  /** The last component of the repository, as a fixture id: {@code billing}. */
  public String simpleName() {
    return Ids.of(repository.substring(repository.lastIndexOf('/') + 1));
  }
}
