package io.segmented.engine.adopt;

import io.segmented.engine.InputException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * A first manifest for a module that has failsafe integration tests and no {@code segments.yaml}:
 * failsafe's configuration carried into {@code defaults}, its tests grouped into segments, and the
 * images the tests name offered as fixtures. {@link DraftYaml} writes it.
 *
 * @param mode how the tests were grouped
 * @param failsafe what failsafe declared
 * @param properties system properties for every segment: failsafe's, and {@code basedir}, which
 *     failsafe sets
 * @param parameters failsafe's JUnit configuration parameters, also passed as system properties
 * @param env environment variables for every segment
 * @param jvmArgs the JVM arguments of failsafe's {@code argLine}
 * @param leftOut what could not be carried over, one line each
 * @param timeout the segments' timeout from failsafe's, when it had one ({@code 900s})
 * @param fixtures the images the tests name, as fixtures to move into the manifest
 * @param segments the segments
 * @param testCount how many integration test classes the segments select
 */
public record ManifestDraft(
    InitMode mode,
    FailsafeConfig failsafe,
    Map<String, String> properties,
    Map<String, String> parameters,
    Map<String, String> env,
    List<String> jvmArgs,
    List<String> leftOut,
    Optional<String> timeout,
    List<Offer> fixtures,
    List<Segment> segments,
    int testCount) {

  /** The name of the one segment of {@link InitMode#SINGLE}. */
  public static final String LEGACY = "legacy";

  /** The side of a boundary the tests reach beyond their own package, when it is not known. */
  static final String UNKNOWN_SIDE = "external";

  /**
   * An image the tests name, offered as a fixture of the manifest.
   *
   * @param id the fixture id it would get
   * @param image the image and its kind
   * @param namedBy the integration tests that name it, themselves or through a class they use
   */
  public record Offer(String id, ImageName image, List<String> namedBy) {}

  /**
   * One segment.
   *
   * @param id its id
   * @param packageName the package its tests are in; empty for {@link InitMode#SINGLE}
   * @param between the boundary's two sides
   * @param classes the class globs (or names) it selects
   * @param excludeClasses classes failsafe's excludes leave out
   * @param tags failsafe's groups
   * @param excludeTags failsafe's excluded groups
   * @param tests the integration test classes it selects
   * @param offered ids of the offered fixtures its tests name
   */
  public record Segment(
      String id,
      String packageName,
      List<String> between,
      List<String> classes,
      List<String> excludeClasses,
      List<String> tags,
      List<String> excludeTags,
      List<String> tests,
      List<String> offered) {}

  /**
   * The draft for {@code scan} of a module whose failsafe declares {@code failsafe}.
   *
   * @throws InputException when the module has no integration test to put in a segment
   */
  public static ManifestDraft of(FailsafeConfig failsafe, TestScan scan, InitMode mode)
      throws InputException {
    FailsafePatterns patterns = failsafe.patterns();
    if (scan.integrationTests().isEmpty()) {
      throw new InputException(
          "no integration test to put in a segment: no compiled test class matches failsafe's"
              + " includes ("
              + String.join(", ", patterns.includes())
              + ")"
              + (scan.excluded().isEmpty() ? "" : " without matching its excludes")
              + ". Name integration tests as failsafe does (OrdersIT), or set failsafe's"
              + " <includes>, compile them, and run segment:init again");
    }
    Map<String, String> properties = new LinkedHashMap<>(failsafe.systemProperties());
    properties.putIfAbsent("basedir", "${basedir}");
    List<String> leftOut = new ArrayList<>();
    Map<String, String> parameters = new LinkedHashMap<>();
    failsafe
        .configurationParameters()
        .forEach(
            (k, v) -> {
              if (properties.containsKey(k)) {
                leftOut.add(
                    "configuration parameter "
                        + k
                        + " (a system property of the same name is set, and wins)");
              } else {
                parameters.put(k, v);
              }
            });
    List<String> jvmArgs = new ArrayList<>();
    for (String token : ArgLine.split(failsafe.argLine())) {
      if (token.contains("@{") || token.contains("${")) {
        leftOut.add(
            "argLine's "
                + token
                + " (set by another plugin while the build runs, such as JaCoCo's argLine)");
      } else {
        jvmArgs.add(token);
      }
    }
    List<Offer> offers = offers(scan);
    Map<ImageName, String> idOf = new LinkedHashMap<>();
    offers.forEach(o -> idOf.put(o.image(), o.id()));
    List<Segment> segments =
        mode == InitMode.SINGLE
            ? List.of(single(failsafe, patterns, scan, idOf))
            : perPackage(failsafe, patterns, scan, idOf);
    return new ManifestDraft(
        mode,
        failsafe,
        properties,
        parameters,
        new LinkedHashMap<>(failsafe.environment()),
        jvmArgs,
        leftOut,
        failsafe.timeoutSeconds().filter(s -> s > 0).map(s -> s + "s"),
        offers,
        segments,
        scan.integrationTests().size());
  }

  public ManifestDraft {
    properties = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(properties));
    parameters = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
    env = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(env));
    jvmArgs = List.copyOf(jvmArgs);
    leftOut = List.copyOf(leftOut);
    fixtures = List.copyOf(fixtures);
    segments = List.copyOf(segments);
  }

  /** The distinct images, by reference, each with an id of its kind (or its name). */
  private static List<Offer> offers(TestScan scan) {
    Map<String, ImageName> byReference = new TreeMap<>();
    Map<String, List<String>> namedBy = new LinkedHashMap<>();
    scan.images()
        .forEach(
            (test, images) ->
                images.forEach(
                    i -> {
                      byReference.putIfAbsent(i.reference(), i);
                      namedBy.computeIfAbsent(i.reference(), k -> new ArrayList<>()).add(test);
                    }));
    Set<String> taken = new HashSet<>();
    List<Offer> out = new ArrayList<>();
    for (ImageName image : byReference.values()) {
      String base = image.kind().equals("container") ? image.simpleName() : image.kind();
      out.add(
          new Offer(Ids.unique(base, taken), image, List.copyOf(namedBy.get(image.reference()))));
    }
    return out;
  }

  private static Segment single(
      FailsafeConfig failsafe,
      FailsafePatterns patterns,
      TestScan scan,
      Map<ImageName, String> idOf) {
    List<String> classes = patterns.globs().orElse(scan.integrationTests());
    return segment(
        LEGACY,
        "",
        List.of(LEGACY, UNKNOWN_SIDE),
        classes,
        scan.excluded(),
        failsafe,
        scan,
        scan.integrationTests(),
        idOf);
  }

  private static List<Segment> perPackage(
      FailsafeConfig failsafe,
      FailsafePatterns patterns,
      TestScan scan,
      Map<ImageName, String> idOf) {
    Map<String, List<String>> byPackage = new TreeMap<>();
    for (String c : scan.integrationTests()) {
      byPackage.computeIfAbsent(packageOf(c), k -> new ArrayList<>()).add(c);
    }
    List<String> prefix = commonPrefix(byPackage.keySet());
    Set<String> taken = new HashSet<>();
    List<Segment> out = new ArrayList<>();
    for (Map.Entry<String, List<String>> e : byPackage.entrySet()) {
      String pkg = e.getKey();
      List<String> tests = e.getValue();
      String id = Ids.unique(segmentId(pkg, prefix), taken);
      List<String> classes = patterns.globsIn(pkg, tests).orElse(tests);
      List<String> excluded =
          scan.excluded().stream().filter(c -> packageOf(c).equals(pkg)).toList();
      Set<String> kinds = new LinkedHashSet<>();
      for (String t : tests) {
        scan.images().getOrDefault(t, Set.of()).forEach(i -> kinds.add(i.kind()));
      }
      String other = kinds.isEmpty() ? UNKNOWN_SIDE : String.join("-", kinds);
      List<String> between = List.of(id, other.equals(id) ? other + "-service" : other);
      out.add(segment(id, pkg, between, classes, excluded, failsafe, scan, tests, idOf));
    }
    return out;
  }

  private static Segment segment(
      String id,
      String pkg,
      List<String> between,
      List<String> classes,
      List<String> excluded,
      FailsafeConfig failsafe,
      TestScan scan,
      List<String> tests,
      Map<ImageName, String> idOf) {
    Set<String> offered = new java.util.TreeSet<>();
    for (String t : tests) {
      scan.images().getOrDefault(t, Set.of()).forEach(i -> offered.add(idOf.get(i)));
    }
    return new Segment(
        id,
        pkg,
        between,
        classes,
        excluded,
        commaList(failsafe.groups()),
        commaList(failsafe.excludedGroups()),
        tests,
        List.copyOf(offered));
  }

  private static List<String> commaList(String text) {
    return Arrays.stream(text.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
  }

  static String packageOf(String className) {
    int dot = className.lastIndexOf('.');
    return dot < 0 ? "" : className.substring(0, dot);
  }

  private static List<String> commonPrefix(Collection<String> packages) {
    List<String> prefix = null;
    for (String p : packages) {
      List<String> parts = p.isEmpty() ? List.of() : List.of(p.split("\\."));
      if (prefix == null) {
        prefix = parts;
      } else {
        int n = 0;
        while (n < prefix.size() && n < parts.size() && prefix.get(n).equals(parts.get(n))) {
          n++;
        }
        prefix = prefix.subList(0, n);
      }
    }
    return prefix == null ? List.of() : prefix;
  }

  /**
   * The package's name below what every package shares ({@code repo} for {@code
   * com.acme.orders.repo} beside {@code com.acme.orders.web}); its last part when that is all.
   */
  private static String segmentId(String pkg, List<String> prefix) {
    if (pkg.isEmpty()) {
      return "default-package";
    }
    List<String> parts = List.of(pkg.split("\\."));
    List<String> below = parts.subList(Math.min(prefix.size(), parts.size()), parts.size());
    return Ids.of(below.isEmpty() ? parts.get(parts.size() - 1) : String.join("-", below));
  }
}
