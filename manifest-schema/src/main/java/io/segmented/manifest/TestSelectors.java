package io.segmented.manifest;

import java.util.List;

/**
 * Which compiled test classes of the module belong to a segment.
 *
 * @param classes globs over fully-qualified class names ({@code *} within one package level, {@code
 *     **} across)
 * @param packages package names, subpackages included
 * @param tags JUnit 5 tag expressions, AND-ed with classes and packages
 * @param excludeClasses globs of classes left out
 * @param excludeTags tag expressions left out
 */
public record TestSelectors(
    List<String> classes,
    List<String> packages,
    List<String> tags,
    List<String> excludeClasses,
    List<String> excludeTags) {

  public TestSelectors {
    classes = List.copyOf(classes);
    packages = List.copyOf(packages);
    tags = List.copyOf(tags);
    excludeClasses = List.copyOf(excludeClasses);
    excludeTags = List.copyOf(excludeTags);
  }

  /** A short human description, for messages such as "selected no test class". */
  public String describe() {
    StringBuilder out = new StringBuilder();
    append(out, "classes", classes);
    append(out, "packages", packages);
    append(out, "tags", tags);
    append(out, "exclude classes", excludeClasses);
    append(out, "exclude tags", excludeTags);
    return out.toString();
  }

  private static void append(StringBuilder out, String name, List<String> values) {
    if (!values.isEmpty()) {
      if (out.length() > 0) {
        out.append(", ");
      }
      out.append(name).append(' ').append(values);
    }
  }
}
