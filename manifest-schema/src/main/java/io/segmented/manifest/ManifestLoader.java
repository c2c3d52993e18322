package io.segmented.manifest;

import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads a {@code segments.yaml} into a validated {@link Manifest}, or a {@link ManifestException}
 * with every problem of the file and its line and column. Never throws anything else, and never
 * hangs: input size and aliases are bounded.
 */
public final class ManifestLoader {

  /** The manifest's file name, beside the module's {@code pom.xml}. */
  public static final String FILE_NAME = "segments.yaml";

  /** Larger files are refused: a manifest is a page of text, not data. */
  public static final int MAX_BYTES = 1 << 20;

  private static final Pattern ID = Pattern.compile("[a-z][a-z0-9-]*");
  private static final Set<String> TOP_KEYS = Set.of("version", "defaults", "fixtures", "segments");
  private static final Set<String> DEFAULTS_KEYS =
      Set.of("timeout", "retries", "jvmArgs", "properties", "env");
  private static final Set<String> SEGMENT_KEYS =
      Set.of(
          "description",
          "boundary",
          "fixtures",
          "data",
          "timeout",
          "retries",
          "jvmArgs",
          "properties",
          "env");
  private static final Set<String> BOUNDARY_KEYS = Set.of("between", "tests", "covers", "contract");
  private static final Set<String> TESTS_KEYS = Set.of("classes", "packages", "tags", "exclude");
  private static final Set<String> EXCLUDE_KEYS = Set.of("classes", "tags");
  private static final Set<String> DATA_KEYS = Set.of("seed", "scope", "reset");

  /** Defaults the contract gives when neither {@code defaults} nor the segment sets a value. */
  static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(10);

  private final Interpolator interpolator;

  public ManifestLoader(Interpolator interpolator) {
    this.interpolator = interpolator;
  }

  /** Reads and validates {@code file}; the module directory is the file's directory. */
  public Manifest load(Path file) throws ManifestException {
    Problems problems = new Problems(file);
    Optional<String> text = read(file, problems);
    problems.throwIfAny();
    Node root = compose(text.orElseThrow(), problems);
    problems.throwIfAny();
    if (root == null) {
      problems.file(
          "the file is empty. Start it with 'version: 1' and declare at least one segment");
      problems.throwIfAny();
    }
    Manifest manifest = new Reader(file, problems, interpolator).manifest(root);
    problems.throwIfAny();
    return manifest;
  }

  private static Optional<String> read(Path file, Problems problems) {
    byte[] bytes;
    try {
      if (Files.size(file) > MAX_BYTES) {
        problems.file(
            "the file is larger than "
                + (MAX_BYTES >> 10)
                + " KiB. A manifest declares segments; keep data in seed files");
        return Optional.empty();
      }
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      problems.file(
          "cannot be read: " + e.getMessage() + ". Check that the file exists and is readable");
      return Optional.empty();
    }
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    CharBuffer out = CharBuffer.allocate(bytes.length);
    CoderResult result = decoder.decode(in, out, true);
    if (result.isError()) {
      out.flip();
      problems.at(endOf(out), "the text here is not UTF-8. Save the file as UTF-8");
      return Optional.empty();
    }
    decoder.flush(out);
    return Optional.of(out.flip().toString());
  }

  /** The position just after {@code text}: where the next character would be. */
  private static Position endOf(CharSequence text) {
    int line = 1;
    int lineStart = 0;
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) == '\n') {
        line++;
        lineStart = i + 1;
      }
    }
    return new Position(line, text.length() - lineStart + 1);
  }

  private static Node compose(String text, Problems problems) {
    LoaderOptions options = new LoaderOptions();
    options.setAllowDuplicateKeys(false);
    options.setMaxAliasesForCollections(20);
    options.setAllowRecursiveKeys(false);
    options.setNestingDepthLimit(40);
    options.setCodePointLimit(MAX_BYTES);
    try {
      return new Yaml(new SafeConstructor(options)).compose(new StringReader(text));
    } catch (MarkedYAMLException e) {
      String what = e.getProblem() == null ? e.getMessage() : e.getProblem();
      problems.at(
          e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark(),
          "not valid YAML: " + what + ". Check the indentation and quoting around this place");
    } catch (YAMLException e) {
      problems.file("not valid YAML: " + e.getMessage());
    } catch (RuntimeException | StackOverflowError e) {
      problems.file("not valid YAML: " + e + ". Simplify the file's structure");
    }
    return null;
  }

  /** One pass over the node tree of one file. */
  private static final class Reader {
    private final Path file;
    private final Path basedir;
    private final Problems problems;
    private final Interpolator interpolator;

    Reader(Path file, Problems problems, Interpolator interpolator) {
      this.file = file;
      this.basedir = file.toAbsolutePath().getParent();
      this.problems = problems;
      this.interpolator = interpolator;
    }

    Manifest manifest(Node root) {
      Optional<YamlMap> top = YamlMap.of("the file", root, problems, interpolator);
      if (top.isEmpty()) {
        return null;
      }
      YamlMap map = top.get();
      map.allowOnly(TOP_KEYS);
      int version = version(map);
      Defaults defaults = map.map("defaults").map(this::defaults).orElse(Defaults.NONE);
      Map<String, FixtureSpec> fixtures = new LinkedHashMap<>();
      map.map("fixtures")
          .ifPresent(f -> fixtures.putAll(new FixtureReader(problems, basedir).fixtures(f)));
      Map<String, SegmentSpec> segments = new LinkedHashMap<>();
      Optional<YamlMap> segmentsMap = map.map("segments");
      if (!map.has("segments")) {
        problems.at(
            root,
            "the file declares no 'segments'. Add a 'segments:' section with at least one segment");
      }
      segmentsMap.ifPresent(s -> segments.putAll(segments(s, defaults, fixtures)));
      Optional<YamlMap> fixturesMap = map.map("fixtures");
      new CrossChecks(problems, fixtures, fixturesMap.orElse(null))
          .check(segments, segmentsMap.orElse(null));
      return new Manifest(file, version, fixtures, segments, problems.warnings());
    }

    private int version(YamlMap map) {
      if (!map.has("version")) {
        problems.at(
            map.node(), "'version' is missing. Add 'version: 1' as the first line of the file");
        return Manifest.VERSION;
      }
      Optional<String> raw = map.rawString("version");
      if (raw.isPresent() && !raw.get().equals("1")) {
        problems.at(
            map.value("version").orElseThrow(),
            "version '" + raw.get() + "' is not supported. Write 'version: 1'");
      }
      return Manifest.VERSION;
    }

    private Defaults defaults(YamlMap map) {
      map.allowOnly(DEFAULTS_KEYS);
      return new Defaults(
          map.duration("timeout").orElse(DEFAULT_TIMEOUT),
          map.integer("retries", 0, 10).orElse(0),
          map.strings("jvmArgs"),
          map.stringMap("properties"),
          map.stringMap("env"));
    }

    private Map<String, SegmentSpec> segments(
        YamlMap map, Defaults defaults, Map<String, FixtureSpec> fixtures) {
      Map<String, SegmentSpec> out = new LinkedHashMap<>();
      if (map.keys().isEmpty()) {
        problems.at(map.node(), "'segments' is empty. Declare at least one segment");
      }
      for (String id : map.keys()) {
        checkId(map, id, "segment");
        map.map(id).ifPresent(s -> out.put(id, segment(id, s, defaults, fixtures)));
      }
      return out;
    }

    private SegmentSpec segment(
        String id, YamlMap map, Defaults defaults, Map<String, FixtureSpec> fixtures) {
      map.allowOnly(SEGMENT_KEYS);
      map.require("boundary", "Add 'boundary:' with 'between' and 'tests'");
      Boundary boundary =
          map.map("boundary")
              .map(this::boundary)
              .orElse(new Boundary(List.of(), emptyTests(), List.of(), null));
      Map<String, String> properties = new LinkedHashMap<>(defaults.properties());
      properties.putAll(map.stringMap("properties"));
      Map<String, String> env = new LinkedHashMap<>(defaults.env());
      env.putAll(map.stringMap("env"));
      Map<String, DataScope> data = new LinkedHashMap<>();
      map.map("data")
          .ifPresent(
              d -> {
                for (String fixtureId : d.keys()) {
                  d.map(fixtureId)
                      .ifPresent(scope -> data.put(fixtureId, dataScope(fixtureId, scope)));
                }
              });
      return new SegmentSpec(
          id,
          map.string("description").orElse(""),
          boundary,
          map.strings("fixtures"),
          data,
          map.duration("timeout").orElse(defaults.timeout()),
          map.integer("retries", 0, 10).orElse(defaults.retries()),
          map.has("jvmArgs") ? map.strings("jvmArgs") : defaults.jvmArgs(),
          properties,
          env,
          Problems.position(map.node()));
    }

    private Boundary boundary(YamlMap map) {
      map.allowOnly(BOUNDARY_KEYS);
      map.require("between", "Name the two sides, as 'between: [orders, orders-db]'");
      map.require(
          "tests", "Select the segment's test classes, as 'tests: {classes: [\"com.acme.*IT\"]}'");
      List<String> between = map.strings("between");
      boolean isList = map.value("between").map(v -> v instanceof SequenceNode).orElse(false);
      if (isList && between.size() != 2) {
        map.value("between")
            .ifPresent(
                v ->
                    problems.at(
                        v,
                        "'between' must name exactly two sides, not "
                            + between.size()
                            + ". Write 'between: [orders, orders-db]'"));
      }
      TestSelectors tests = map.map("tests").map(this::tests).orElse(emptyTests());
      Contract contract = null;
      Optional<Node> contractNode = map.value("contract");
      if (contractNode.isPresent() && contractNode.get() instanceof ScalarNode s) {
        problems.at(
            s,
            "'contract' must name the kind of document: write 'contract: {openapi: "
                + s.getValue()
                + "}' for an OpenAPI 3 document");
      } else {
        contract = map.map("contract").flatMap(this::contract).orElse(null);
      }
      return new Boundary(between, tests, map.strings("covers"), contract);
    }

    private Optional<Contract> contract(YamlMap map) {
      map.allowOnly(Set.of(Contract.Format.OPENAPI.key(), "remoteRefs"));
      map.require(
          "openapi", "Name the OpenAPI document, as 'contract: {openapi: contracts/api.yaml}'");
      Optional<String> path = map.string("openapi");
      if (path.isEmpty()) {
        return Optional.empty();
      }
      Node at = map.value("openapi").orElseThrow();
      Optional<Path> document = ModulePaths.resolve(basedir, path.get(), at, problems);
      if (document.isPresent() && !Files.isRegularFile(document.get())) {
        problems.at(
            at,
            "contract '"
                + path.get()
                + "' does not exist. Check the path; it is relative to the module directory");
        return Optional.empty();
      }
      boolean remoteRefs = map.bool("remoteRefs").orElse(false);
      return document.map(d -> new Contract(Contract.Format.OPENAPI, path.get(), d, remoteRefs));
    }

    private TestSelectors tests(YamlMap map) {
      map.allowOnly(TESTS_KEYS);
      List<String> excludeClasses = List.of();
      List<String> excludeTags = List.of();
      Optional<YamlMap> exclude = map.map("exclude");
      if (exclude.isPresent()) {
        exclude.get().allowOnly(EXCLUDE_KEYS);
        excludeClasses = exclude.get().strings("classes");
        excludeTags = exclude.get().strings("tags");
      }
      TestSelectors selectors =
          new TestSelectors(
              map.strings("classes"),
              map.strings("packages"),
              map.strings("tags"),
              excludeClasses,
              excludeTags);
      if (selectors.classes().isEmpty()
          && selectors.packages().isEmpty()
          && selectors.tags().isEmpty()) {
        problems.at(
            map.node(),
            "'tests' selects nothing. Add 'classes', 'packages' or 'tags', as 'classes: [\"com.acme.*IT\"]'");
      }
      return selectors;
    }

    private DataScope dataScope(String fixtureId, YamlMap map) {
      map.allowOnly(DATA_KEYS);
      List<Path> seed = new ArrayList<>();
      for (YamlMap.Item item : map.items("seed")) {
        Optional<Path> path = ModulePaths.resolve(basedir, item.value(), item.node(), problems);
        path.ifPresent(seed::add);
        if (path.isPresent() && !Files.isRegularFile(path.get())) {
          problems.at(
              item.node(),
              "seed file '"
                  + path.get()
                  + "' does not exist. Check the path; it is relative to the module directory");
        }
      }
      DataScope.Scope scope = DataScope.Scope.SEGMENT;
      Optional<String> scopeText = map.string("scope");
      if (scopeText.isPresent()) {
        try {
          scope = DataScope.Scope.valueOf(scopeText.get().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
          problems.at(
              map.value("scope").orElseThrow(),
              "'scope' must be segment, class or test, not '" + scopeText.get() + "'");
        }
      }
      Optional<YamlMap> resetMap = map.map("reset");
      resetMap.ifPresent(r -> r.allowOnly(Set.of("command", "timeout")));
      List<String> reset = resetMap.map(r -> r.strings("command")).orElse(List.of());
      Duration resetTimeout =
          resetMap.flatMap(r -> r.duration("timeout")).orElse(DataScope.DEFAULT_RESET_TIMEOUT);
      return new DataScope(fixtureId, seed, scope, reset, resetTimeout);
    }

    private void checkId(YamlMap map, String id, String what) {
      if (!ID.matcher(id).matches()) {
        problems.at(
            map.keyNode(id),
            what
                + " id '"
                + id
                + "' is not valid. Use lower-case letters, digits and '-', starting with a letter");
      }
    }

    private static TestSelectors emptyTests() {
      return new TestSelectors(List.of(), List.of(), List.of(), List.of(), List.of());
    }
  }

  /** The {@code defaults} section: what every segment inherits unless it sets its own. */
  private record Defaults(
      Duration timeout,
      int retries,
      List<String> jvmArgs,
      Map<String, String> properties,
      Map<String, String> env) {
    static final Defaults NONE = new Defaults(DEFAULT_TIMEOUT, 0, List.of(), Map.of(), Map.of());
  }
}
