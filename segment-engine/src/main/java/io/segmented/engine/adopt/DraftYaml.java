package io.segmented.engine.adopt;

import io.segmented.engine.adopt.ManifestDraft.Offer;
import io.segmented.engine.adopt.ManifestDraft.Segment;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Writes a {@link ManifestDraft} as {@code segments.yaml} text: a comment at the top that says what
 * was found and what to do next, then the manifest, with a comment where a value came from. Every
 * string is double-quoted, so no value changes type or meaning on the way.
 */
public final class DraftYaml {

  /** Where the user reads how to go on: the site's migration page. */
  static final String GUIDE = "migration.html on the plugin's site (\"Migrating from failsafe\")";

  private static final Pattern PLAIN_KEY = Pattern.compile("[A-Za-z_][A-Za-z0-9_.-]*");

  /** Words YAML 1.1 reads as something other than a string. */
  private static final Pattern SPECIAL_WORD =
      Pattern.compile("(?i)y|n|yes|no|true|false|on|off|null");

  private final ManifestDraft draft;
  private final List<String> lines = new ArrayList<>();

  private DraftYaml(ManifestDraft draft) {
    this.draft = draft;
  }

  /** The manifest text, ending with a line break. */
  public static String write(ManifestDraft draft) {
    DraftYaml y = new DraftYaml(draft);
    y.header();
    y.line("version: 1");
    y.defaults();
    y.fixtures();
    y.segments();
    return String.join("\n", y.lines) + "\n";
  }

  private void header() {
    FailsafeConfig f = draft.failsafe();
    line("# Written by `mvn segment:init` from what this module already declares. It found:");
    if (f.declared()) {
      List<String> carried = new ArrayList<>();
      count(carried, f.systemProperties().size(), "system property", "system properties");
      count(carried, f.environment().size(), "environment variable", "environment variables");
      count(
          carried,
          draft.jvmArgs().size(),
          "JVM argument from <argLine>",
          "JVM arguments from <argLine>");
      count(
          carried,
          draft.parameters().size(),
          "JUnit configuration parameter",
          "JUnit configuration parameters");
      line(
          "#   - maven-failsafe-plugin's configuration"
              + (carried.isEmpty()
                  ? ", with nothing to carry over but its includes"
                  : ": " + and(carried) + ", now under 'defaults'"));
    } else {
      line("#   - no maven-failsafe-plugin configuration: failsafe's defaults");
    }
    long packages =
        draft.segments().stream()
            .flatMap(s -> s.tests().stream())
            .map(ManifestDraft::packageOf)
            .distinct()
            .count();
    line(
        "#   - "
            + plural(draft.testCount(), "integration test class", "integration test classes")
            + " in "
            + plural((int) packages, "package", "packages")
            + " (failsafe's includes: "
            + String.join(", ", draft.failsafe().patterns().includes())
            + ")"
            + (draft.mode() == InitMode.SINGLE
                ? ": one segment, '" + ManifestDraft.LEGACY + "', for all of them"
                : ": one segment per package, named after it"));
    if (draft.fixtures().isEmpty()) {
      line("#   - no container image named in the test classes");
    } else {
      line(
          "#   - "
              + plural(draft.fixtures().size(), "container image", "container images")
              + " named in the test classes: "
              + draft.fixtures().stream()
                  .map(o -> o.image().reference())
                  .collect(Collectors.joining(", "))
              + " (offered as fixtures below, commented out)");
    }
    for (String left : draft.leftOut()) {
      line("# Not carried over: " + left + ".");
    }
    line("# The tests still start their own containers, so no segment declares fixtures yet.");
    line("# Next:");
    line(
        "#   1. mvn segment:run: each segment runs its tests in a JVM of its own, as failsafe did.");
    line(
        "#   2. Bind segment:integration-test and segment:verify and remove failsafe's <execution>,");
    line(
        "#      or `mvn verify` runs these tests twice (segment:validate warns while both are bound).");
    line("#   3. Name each boundary's other side, add 'covers' for change selection, and let the");
    line("#      manifest start the containers, segment by segment: see " + GUIDE + ".");
  }

  private void defaults() {
    boolean any =
        !draft.jvmArgs().isEmpty()
            || !draft.properties().isEmpty()
            || !draft.parameters().isEmpty()
            || !draft.env().isEmpty()
            || draft.timeout().isPresent();
    if (!any) {
      return;
    }
    line("");
    line("defaults:");
    draft
        .timeout()
        .ifPresent(
            t -> line("  timeout: " + t + "   # failsafe's <forkedProcessTimeoutInSeconds>"));
    if (!draft.jvmArgs().isEmpty()) {
      line("  jvmArgs: " + flowList(draft.jvmArgs()) + "   # failsafe's <argLine>");
    }
    if (!draft.properties().isEmpty() || !draft.parameters().isEmpty()) {
      line("  properties:");
      Map<String, String> declared = draft.failsafe().systemProperties();
      if (!declared.isEmpty()) {
        line("    # failsafe's <systemPropertyVariables>");
        declared.forEach((k, v) -> entry(k, v));
      }
      if (!declared.containsKey("basedir") && draft.properties().containsKey("basedir")) {
        line("    # failsafe sets basedir for its tests");
        entry("basedir", draft.properties().get("basedir"));
      }
      if (!draft.parameters().isEmpty()) {
        line("    # failsafe's <properties><configurationParameters>: JUnit reads these system");
        line("    # properties as configuration parameters");
        draft.parameters().forEach((k, v) -> entry(k, v));
      }
    }
    if (!draft.env().isEmpty()) {
      line("  env:");
      line("    # failsafe's <environmentVariables>");
      draft.env().forEach((k, v) -> entry(k, v));
    }
  }

  private void entry(String key, String value) {
    line("    " + key(key) + ": " + quote(value));
  }

  private void fixtures() {
    if (draft.fixtures().isEmpty()) {
      return;
    }
    line("");
    line("# The container images the tests name. The tests start these themselves. To let the");
    line("# manifest start one instead, uncomment its entry, add its id to the 'fixtures' of the");
    line("# segments that use it, and have their tests read fixtures.<id>.* (for a database");
    line("# fixtures.<id>.jdbc-url) instead of starting a container: see " + GUIDE + ".");
    line("# fixtures:");
    for (Offer o : draft.fixtures()) {
      String hint = o.image().kind().equals("container") ? "; add its 'ports' and a 'wait'" : "";
      line("#   " + o.id() + ":   # named by " + String.join(", ", o.namedBy()) + hint);
      line("#     " + o.image().kind() + ": {image: " + quote(o.image().reference()) + "}");
    }
  }

  private void segments() {
    line("");
    line("segments:");
    for (Segment s : draft.segments()) {
      line("  " + s.id() + ":");
      line(
          "    description: "
              + quote(
                  s.packageName().isEmpty()
                      ? "every integration test, as failsafe ran them"
                      : "the integration tests of package " + s.packageName()));
      line("    boundary:");
      line("      between: " + flowList(s.between(), false));
      line("      tests:");
      line("        classes: " + flowList(s.classes()));
      if (!s.tags().isEmpty()) {
        line("        tags: " + flowList(s.tags()) + "   # failsafe's <groups>");
      }
      if (!s.excludeClasses().isEmpty() || !s.excludeTags().isEmpty()) {
        List<String> parts = new ArrayList<>();
        if (!s.excludeClasses().isEmpty()) {
          parts.add("classes: " + flowList(s.excludeClasses()));
        }
        if (!s.excludeTags().isEmpty()) {
          parts.add("tags: " + flowList(s.excludeTags()));
        }
        line(
            "        exclude: {"
                + String.join(", ", parts)
                + "}   # failsafe's <excludes> and <excludedGroups>");
      }
      line(
          "    fixtures: []"
              + (s.offered().isEmpty()
                  ? ""
                  : "   # its tests start their own; once the manifest does: "
                      + flowList(s.offered(), false)));
    }
  }

  private void line(String text) {
    lines.add(text);
  }

  private static void count(List<String> out, int n, String one, String many) {
    if (n > 0) {
      out.add(plural(n, one, many));
    }
  }

  private static String plural(int n, String one, String many) {
    return n + " " + (n == 1 ? one : many);
  }

  private static String and(List<String> parts) {
    if (parts.size() == 1) {
      return parts.get(0);
    }
    return String.join(", ", parts.subList(0, parts.size() - 1))
        + " and "
        + parts.get(parts.size() - 1);
  }

  private static String flowList(List<String> items) {
    return flowList(items, true);
  }

  private static String flowList(List<String> items, boolean quoted) {
    return items.stream()
        .map(i -> quoted ? quote(i) : i)
        .collect(Collectors.joining(", ", "[", "]"));
  }

  private static String key(String key) {
    return PLAIN_KEY.matcher(key).matches() && !SPECIAL_WORD.matcher(key).matches()
        ? key
        : quote(key);
  }

  /** A YAML double-quoted scalar. */
  static String quote(String value) {
    StringBuilder out = new StringBuilder("\"");
    for (char c : value.toCharArray()) {
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\x%02x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"').toString();
  }
}
