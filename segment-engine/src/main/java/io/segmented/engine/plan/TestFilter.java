package io.segmented.engine.plan;

import io.segmented.engine.PropertyNames;
import io.segmented.engine.fork.ClassGlobs;
import io.segmented.engine.fork.CompiledTests;
import io.segmented.manifest.Manifest;
import io.segmented.manifest.SegmentSpec;
import io.segmented.manifest.TestSelectors;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Which tests run inside the selected segments, as failsafe's {@code -Dit.test} and {@code
 * -Dgroups} choose them: {@code OrderIT}, {@code Order*IT#creates*}, {@code OrderIT#a+b}, {@code
 * com.acme.**.*IT}, {@code !SlowIT}, comma-separated; and a tag expression.
 *
 * <p>A class pattern without a package matches the simple name; with one ({@code .} or {@code /})
 * the end of the fully qualified name from a package boundary on, as failsafe's {@code
 * orders/OrderIT} is {@code **}{@code /orders/OrderIT}: {@code *} within a package level and {@code
 * **} across levels. A nested class ({@code OrderIT$Refunds}) runs with its outer class. A method
 * pattern follows {@code #}: {@code *} is any characters, {@code +} separates alternatives. A
 * leading {@code !} excludes. Segments none of whose test classes can match are left out before
 * their fixtures start; the others get the patterns and the tags, and run only the matching tests.
 *
 * @param text the patterns as given, for messages; empty when none
 * @param patterns the parsed patterns
 * @param groups {@code -Dgroups}: a JUnit tag expression, tests must match it; empty when none
 * @param excludedGroups {@code -DexcludedGroups}: tests with these tags do not run; empty when none
 */
public record TestFilter(
    String text, List<TestPattern> patterns, String groups, String excludedGroups) {

  /** No filter: every test the segments select. */
  public static final TestFilter NONE = new TestFilter("", List.of(), "", "");

  public TestFilter {
    patterns = List.copyOf(patterns);
  }

  /**
   * One pattern of {@code -Dit.test}.
   *
   * @param exclude it had a leading {@code !}
   * @param classRegex the fully qualified class names it matches
   * @param methodRegex the method names it matches; empty for every method of the class
   * @param outerClassRegex the top-level classes it matches: {@code classRegex} up to a {@code $}
   */
  public record TestPattern(
      boolean exclude, String classRegex, String methodRegex, String outerClassRegex) {

    /** The launcher's form: {@code [!]classRegex[#methodRegex]}. */
    String launcherForm() {
      return (exclude ? "!" : "") + classRegex + (methodRegex.isEmpty() ? "" : "#" + methodRegex);
    }

    /** Whether it matches the top-level class {@code className} or one of its nested classes. */
    boolean matchesClass(String className) {
      return className.matches(outerClassRegex);
    }
  }

  /**
   * Parses {@code -Dit.test}, {@code -Dgroups} and {@code -DexcludedGroups}; each may be null or
   * blank.
   *
   * @throws IllegalArgumentException a pattern this version cannot read, with what to write instead
   */
  public static TestFilter parse(String test, String groups, String excludedGroups) {
    List<TestPattern> patterns = new ArrayList<>();
    String text = test == null ? "" : test.trim();
    for (String part : text.split(",")) {
      String p = part.trim();
      if (!p.isEmpty()) {
        patterns.add(pattern(p));
      }
    }
    return new TestFilter(
        text,
        patterns,
        groups == null ? "" : groups.trim(),
        excludedGroups == null ? "" : excludedGroups.trim());
  }

  private static TestPattern pattern(String text) {
    boolean exclude = text.startsWith("!");
    String p = exclude ? text.substring(1).trim() : text;
    if (p.startsWith("%regex[") || p.startsWith("%ant[")) {
      throw new IllegalArgumentException(
          "-Dit.test="
              + text
              + ": %regex[] and %ant[] patterns are not supported; write a class glob such as"
              + " Order*IT or com.acme.**.*IT, with #method*+other for methods");
    }
    int hash = p.indexOf('#');
    String classPart = hash < 0 ? p : p.substring(0, hash);
    String methodPart = hash < 0 ? "" : p.substring(hash + 1);
    classPart = classPart.replaceFirst("\\.(java|class)$", "").replace('/', '.');
    if (classPart.isEmpty()) {
      classPart = "**";
    }
    String classRegex = classRegex(classPart);
    String outerClassRegex =
        classPart.contains("$")
            ? classRegex(classPart.substring(0, classPart.indexOf('$')))
            : classRegex;
    String methodRegex =
        methodPart.isEmpty()
            ? ""
            : List.of(methodPart.split("\\+")).stream()
                .map(String::trim)
                .filter(m -> !m.isEmpty())
                .map(TestFilter::methodGlob)
                .collect(Collectors.joining("|", "(?:", ")"));
    return new TestPattern(exclude, classRegex, methodRegex, outerClassRegex);
  }

  /**
   * Any package before it, as failsafe's patterns: {@code orders.OrderIT} is {@code
   * **.orders.OrderIT}.
   */
  private static String classRegex(String glob) {
    return glob.startsWith("**") ? ClassGlobs.toRegex(glob) : ClassGlobs.toRegex("**." + glob);
  }

  private static String methodGlob(String glob) {
    StringBuilder out = new StringBuilder();
    for (char c : glob.toCharArray()) {
      out.append(c == '*' ? ".*" : c == '?' ? "." : Pattern.quote(String.valueOf(c)));
    }
    return out.toString();
  }

  /** Whether anything narrows the tests. */
  public boolean active() {
    return !patterns.isEmpty() || !groups.isEmpty() || !excludedGroups.isEmpty();
  }

  /**
   * Whether it picks some tests to run ({@code -Dit.test} with a pattern that is not an exclusion,
   * or {@code -Dgroups}), as a developer does to run a few, rather than only leaving some out as CI
   * does with {@code -DexcludedGroups=slow}. Such a run is not recorded in the history, and does
   * not verify providers' contract examples, which no pattern or tag can select.
   */
  public boolean picksSome() {
    return patterns.stream().anyMatch(p -> !p.exclude()) || !groups.isEmpty();
  }

  /** The filter in words, as the command line gave it. */
  public String describe() {
    List<String> parts = new ArrayList<>();
    if (!patterns.isEmpty()) {
      parts.add("-Dit.test=" + text);
    }
    if (!groups.isEmpty()) {
      parts.add("-Dgroups=" + groups);
    }
    if (!excludedGroups.isEmpty()) {
      parts.add("-DexcludedGroups=" + excludedGroups);
    }
    return String.join(" ", parts);
  }

  /**
   * Whether some test of {@code className} may run: it matches an including pattern (or there is
   * none), and no excluding pattern without a method excludes the whole class.
   */
  public boolean mayRun(String className) {
    List<TestPattern> includes = patterns.stream().filter(p -> !p.exclude()).toList();
    boolean included =
        includes.isEmpty() || includes.stream().anyMatch(p -> p.matchesClass(className));
    boolean excluded =
        patterns.stream()
            .anyMatch(p -> p.exclude() && p.methodRegex().isEmpty() && p.matchesClass(className));
    return included && !excluded;
  }

  /** The launcher's arguments for this filter. */
  public List<String> launcherArgs() {
    List<String> args = new ArrayList<>();
    patterns.forEach(p -> args.addAll(List.of("--test", p.launcherForm())));
    // failsafe's groups are comma-separated, any of them; each may be a JUnit tag expression
    for (String g : groups.split(",")) {
      if (!g.isBlank()) {
        args.addAll(List.of("--groups", g.trim()));
      }
    }
    for (String g : excludedGroups.split(",")) {
      if (!g.isBlank()) {
        args.addAll(List.of("--excluded-groups", g.trim()));
      }
    }
    return args;
  }

  /**
   * {@code selection} less the segments none of whose compiled test classes this filter lets run,
   * each reported with the reason; segments that select by tags alone stay, since their classes are
   * known only once loaded. With exclusions only, a segment whose selectors pick no class (a
   * provider verified by its contract's examples) stays too: nothing excluded it.
   */
  public Selection narrow(Selection selection, Manifest manifest, Path testClassesDir)
      throws IOException {
    if (patterns.isEmpty()) {
      return selection;
    }
    List<String> classes = CompiledTests.list(testClassesDir);
    Map<String, String> leftOut = new LinkedHashMap<>();
    for (SegmentSpec segment : manifest.segments().values()) {
      TestSelectors t = segment.boundary().tests();
      if (CompiledTests.byTagsAlone(t)) {
        continue;
      }
      List<String> its = classes.stream().filter(c -> CompiledTests.selects(t, c)).toList();
      boolean kept = its.isEmpty() ? !picksSome() : its.stream().anyMatch(this::mayRun);
      if (!kept) {
        leftOut.put(
            segment.id(),
            "none of its test classes matches -D" + PropertyNames.IT_TEST + "=" + text);
      }
    }
    return selection.without(Selector.TEST_FILTER, leftOut);
  }
}
