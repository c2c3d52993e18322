package io.segmented.manifest;

import io.segmented.manifest.FixtureKind.Database.Engine;
import io.segmented.manifest.FixtureKind.Wait;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.yaml.snakeyaml.nodes.Node;

/** Reads the {@code fixtures} section: one kind key per fixture, with that kind's settings. */
final class FixtureReader {

  private static final Pattern ID = Pattern.compile("[a-z][a-z0-9-]*");
  private static final Set<String> COMMON_KEYS = Set.of("reuse", "keep", "dependsOn", "expose");
  private static final Map<String, Set<String>> KIND_KEYS =
      Map.of(
          "postgres",
              Set.of("image", "database", "username", "password", "provider", "startupTimeout"),
          "mysql",
              Set.of("image", "database", "username", "password", "provider", "startupTimeout"),
          "mariadb",
              Set.of("image", "database", "username", "password", "provider", "startupTimeout"),
          "redis", Set.of("image", "provider", "startupTimeout"),
          "wiremock", Set.of("mappings", "image", "provider", "startupTimeout"),
          "container",
              Set.of(
                  "image", "ports", "env", "command", "files", "tmpfs", "wait", "startupTimeout"),
          "process", Set.of("command", "workdir", "env", "ports", "wait", "startupTimeout"));
  private static final Set<String> EMBEDDABLE = Set.of("postgres", "wiremock");
  private static final List<String> WAIT_FORMS =
      List.of("port", "log", "http", "command", "healthcheck");
  private static final Duration DEFAULT_STARTUP_TIMEOUT = Duration.ofSeconds(60);

  private final Problems problems;
  private final Path basedir;

  FixtureReader(Problems problems, Path basedir) {
    this.problems = problems;
    this.basedir = basedir;
  }

  Map<String, FixtureSpec> fixtures(YamlMap map) {
    Map<String, FixtureSpec> out = new LinkedHashMap<>();
    for (String id : map.keys()) {
      if (!ID.matcher(id).matches()) {
        problems.at(
            map.keyNode(id),
            "fixture id '"
                + id
                + "' is not valid. Use lower-case letters, digits and '-', starting with a letter");
      }
      map.map(id).flatMap(f -> fixture(id, f)).ifPresent(f -> out.put(id, f));
    }
    return out;
  }

  private Optional<FixtureSpec> fixture(String id, YamlMap map) {
    List<String> kinds = map.keys().stream().filter(KIND_KEYS::containsKey).toList();
    Set<String> allowed = new TreeSet<>(COMMON_KEYS);
    allowed.addAll(KIND_KEYS.keySet());
    map.allowOnly(allowed);
    if (kinds.size() != 1) {
      // a second kind key is the one that is wrong; with none, the fixture's body is
      problems.at(
          kinds.isEmpty() ? map.node() : map.keyNode(kinds.get(1)),
          "fixture '"
              + id
              + "' must have exactly one kind key, found "
              + (kinds.isEmpty() ? "none" : String.join(", ", kinds))
              + ". Use one of: "
              + String.join(", ", new TreeSet<>(KIND_KEYS.keySet())));
      return Optional.empty();
    }
    String kindKey = kinds.get(0);
    Reuse reuse = Reuse.SEGMENT;
    Optional<String> reuseText = map.string("reuse");
    if (reuseText.isPresent()) {
      try {
        reuse = Reuse.valueOf(reuseText.get().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        problems.at(
            map.value("reuse").orElseThrow(),
            "'reuse' must be segment or run, not '" + reuseText.get() + "'");
      }
    }
    Optional<FixtureKind> kind =
        map.value(kindKey).isPresent() && isEmpty(map, kindKey)
            ? Optional.of(kind(kindKey, null, map.keyNode(kindKey)))
            : map.map(kindKey).map(k -> kind(kindKey, k, map.keyNode(kindKey)));
    Reuse chosen = reuse;
    Optional<Boolean> keep = keep(map);
    if (keep.orElse(false)) {
      kind.ifPresent(k -> checkKeep(id, k, chosen, map.value("keep").orElseThrow()));
    }
    return kind.map(
        k ->
            new FixtureSpec(
                id,
                k,
                chosen,
                keep,
                map.strings("dependsOn"),
                rawMap(map, "expose"),
                Problems.position(map.node())));
  }

  /** {@code keep}: true or false; a duration is the build's to say. */
  private Optional<Boolean> keep(YamlMap map) {
    Optional<String> text = map.rawString("keep");
    if (text.isEmpty() || text.get().equals("true") || text.get().equals("false")) {
      return text.map(Boolean::parseBoolean);
    }
    problems.at(
        map.value("keep").orElseThrow(),
        "'keep' must be true or false, not '"
            + text.get()
            + "'. How long kept fixtures live is the build's to say: -Dsegment.keep=10m");
    return Optional.empty();
  }

  /**
   * {@code keep: true} asks for what can be kept: a fixture in a container that the run does not
   * share. A process and an embedded server live in the build's own processes, so they never
   * outlive it.
   */
  private void checkKeep(String id, FixtureKind kind, Reuse reuse, Node at) {
    if (kind instanceof FixtureKind.Process) {
      problems.at(
          at,
          "'keep: true' on process fixture '"
              + id
              + "' cannot work: a process lives in the build and is never kept. Remove 'keep';"
              + " 'reuse: run' shares one process between the segments of a build");
    } else if (embedded(kind)) {
      problems.at(
          at,
          "'keep: true' on fixture '"
              + id
              + "' cannot work with 'provider: embedded': an embedded server lives in the build and"
              + " is never kept. Remove 'keep', or remove 'provider' to keep it in a container;"
              + " 'reuse: run' shares one between the segments of a build");
    } else if (reuse == Reuse.RUN) {
      problems.at(
          at,
          "'keep: true' on fixture '"
              + id
              + "' cannot work with 'reuse: run': a server the run shares is kept by its kind's"
              + " rule alone (databases, Redis; a shared container never is). Remove 'keep' to"
              + " let that rule decide, or 'reuse: run' to keep it as each segment's own");
    }
  }

  /**
   * Whether the manifest runs a kind that has an embedded provider embedded (one that has none is a
   * problem of its own).
   */
  private static boolean embedded(FixtureKind kind) {
    Provider declared =
        kind instanceof FixtureKind.Database d
            ? d.provider()
            : kind instanceof FixtureKind.Wiremock w ? w.provider() : Provider.CONTAINER;
    return declared == Provider.EMBEDDED && EMBEDDABLE.contains(kind.key());
  }

  /** {@code postgres: {}} and a bare {@code postgres:} both take every default. */
  private static boolean isEmpty(YamlMap map, String key) {
    return YamlMap.describe(map.value(key).orElseThrow()).equals("an empty value");
  }

  /**
   * Expose values name the fixture's own attributes, which only exist at run time: interpolated
   * later.
   */
  private static Map<String, String> rawMap(YamlMap map, String key) {
    Map<String, String> out = new LinkedHashMap<>();
    map.map(key)
        .ifPresent(m -> m.keys().forEach(k -> m.rawString(k).ifPresent(v -> out.put(k, v))));
    return out;
  }

  /**
   * @param at the kind key, where a kind that needs settings and has none is reported
   */
  private FixtureKind kind(String key, YamlMap settings, Node at) {
    YamlMap s = settings;
    if (s != null) {
      s.allowOnly(KIND_KEYS.get(key));
    }
    return switch (key) {
      case "postgres", "mysql", "mariadb" -> database(key, s);
      case "redis" ->
          new FixtureKind.Redis(
              opt(s, "image").orElse(FixtureKind.Redis.DEFAULT_IMAGE),
              provider(key, s),
              startupTimeout(s, FixtureKind.Redis.DEFAULT_STARTUP_TIMEOUT));
      case "wiremock" ->
          new FixtureKind.Wiremock(
              opt(s, "mappings")
                  .flatMap(
                      p ->
                          ModulePaths.resolve(
                              basedir, p, s.value("mappings").orElseThrow(), problems))
                  .orElse(null),
              opt(s, "image").orElse(FixtureKind.Wiremock.DEFAULT_IMAGE),
              provider(key, s),
              startupTimeout(s, FixtureKind.Wiremock.DEFAULT_STARTUP_TIMEOUT));
      case "container" -> container(s, at);
      default -> process(s, at);
    };
  }

  private FixtureKind database(String key, YamlMap s) {
    Engine engine = Engine.valueOf(key.toUpperCase(Locale.ROOT));
    return new FixtureKind.Database(
        engine,
        opt(s, "image").orElse(engine.defaultImage()),
        opt(s, "database").orElse("test"),
        opt(s, "username").orElse("test"),
        opt(s, "password").orElse("test"),
        provider(key, s),
        startupTimeout(s, engine.defaultStartupTimeout()));
  }

  /** The kind's {@code startupTimeout}, or {@code fallback} when it sets none. */
  private static Duration startupTimeout(YamlMap s, Duration fallback) {
    return s == null ? fallback : s.duration("startupTimeout").orElse(fallback);
  }

  private FixtureKind container(YamlMap s, Node at) {
    if (s == null) {
      problems.at(at, "a 'container' fixture needs an 'image'. Add 'image: name:tag'");
      return new FixtureKind.Container(
          "", List.of(), Map.of(), List.of(), Map.of(), List.of(), null, DEFAULT_STARTUP_TIMEOUT);
    }
    s.require("image", "Add 'image: name:tag'");
    List<Integer> ports = new ArrayList<>();
    for (YamlMap.Item p : s.items("ports")) {
      portNumber(p.value())
          .ifPresentOrElse(
              ports::add,
              () ->
                  problems.at(
                      p.node(),
                      "port '"
                          + p.value()
                          + "' is not a port number from 1 to 65535. Write the container port, as 'ports: [8080]'"));
    }
    Map<Path, String> files = new LinkedHashMap<>();
    s.map("files")
        .ifPresent(
            f -> {
              for (String host : f.keys()) {
                f.string(host)
                    .ifPresent(
                        target ->
                            ModulePaths.resolve(basedir, host, f.keyNode(host), problems)
                                .ifPresent(p -> files.put(p, target)));
              }
            });
    List<String> names = ports.stream().map(String::valueOf).toList();
    return new FixtureKind.Container(
        s.string("image").orElse(""),
        ports,
        s.stringMap("env"),
        s.strings("command"),
        files,
        s.strings("tmpfs"),
        s.value("wait").map(w -> waitSpec(s, names, true)).orElse(null),
        s.duration("startupTimeout").orElse(DEFAULT_STARTUP_TIMEOUT));
  }

  private FixtureKind process(YamlMap s, Node at) {
    if (s == null) {
      problems.at(
          at, "a 'process' fixture needs a 'command'. Add 'command: [java, -jar, app.jar]'");
      return new FixtureKind.Process(
          List.of(), basedir, Map.of(), List.of(), null, DEFAULT_STARTUP_TIMEOUT);
    }
    s.require("command", "Add 'command: [java, -jar, app.jar]'");
    List<String> ports = new ArrayList<>();
    for (YamlMap.Item p : s.items("ports")) {
      ports.add(p.value());
      if (!ID.matcher(p.value()).matches()) {
        problems.at(
            p.node(),
            "port name '"
                + p.value()
                + "' is not valid. Name ports with lower-case letters, digits and '-'; free ports are allocated for them");
      }
    }
    return new FixtureKind.Process(
        s.strings("command"),
        s.string("workdir")
            .flatMap(
                w -> ModulePaths.resolve(basedir, w, s.value("workdir").orElseThrow(), problems))
            .orElse(basedir),
        s.stringMap("env"),
        ports,
        s.value("wait").map(w -> waitSpec(s, ports, false)).orElse(null),
        s.duration("startupTimeout").orElse(DEFAULT_STARTUP_TIMEOUT));
  }

  private Wait waitSpec(YamlMap fixture, List<String> ports, boolean numeric) {
    Optional<YamlMap> maybe = fixture.map("wait");
    if (maybe.isEmpty()) {
      return null;
    }
    YamlMap w = maybe.get();
    w.allowOnly(Set.of("port", "log", "times", "http", "command", "healthcheck"));
    List<String> forms = w.keys().stream().filter(k -> WAIT_FORMS.contains(k)).toList();
    if (forms.size() > 1) {
      problems.at(
          w.node(),
          "'wait' has "
              + String.join(" and ", forms)
              + "; a fixture waits for one condition. Keep one of them");
    }
    if (w.has("port")) {
      return w.string("port")
          .map(p -> new Wait.Port(checkPort(w, "port", p, ports, numeric)))
          .orElse(null);
    }
    if (w.has("log")) {
      String regex = w.string("log").orElse("");
      try {
        Pattern.compile(regex);
      } catch (PatternSyntaxException e) {
        problems.at(
            w.value("log").orElseThrow(),
            "'log' is not a valid regular expression: " + e.getDescription());
      }
      return new Wait.Log(regex, w.integer("times", 1, 100).orElse(1));
    }
    if (w.has("http")) {
      Optional<YamlMap> http = w.map("http");
      if (http.isEmpty()) {
        return null;
      }
      YamlMap h = http.get();
      h.allowOnly(Set.of("port", "path", "status"));
      h.require("port", "Add the port the check calls, as 'port: 8080'");
      String port = h.string("port").map(p -> checkPort(h, "port", p, ports, numeric)).orElse("");
      return new Wait.Http(
          port, h.string("path").orElse("/"), h.integer("status", 100, 599).orElse(200));
    }
    if (w.has("command")) {
      return new Wait.Command(w.strings("command"));
    }
    if (w.has("healthcheck")) {
      return new Wait.Healthcheck();
    }
    problems.at(w.node(), "'wait' is empty. Use one of: port, log, http, command, healthcheck");
    return null;
  }

  private String checkPort(
      YamlMap map, String key, String port, List<String> declared, boolean numeric) {
    boolean ok = numeric ? portNumber(port).isPresent() : declared.contains(port);
    if (!ok) {
      problems.at(
          map.value(key).orElseThrow(),
          numeric
              ? "port '" + port + "' is not a port number from 1 to 65535"
              : "port '"
                  + port
                  + "' is not a declared port name. Declare it under 'ports', as 'ports: ["
                  + port
                  + "]'");
    }
    return port;
  }

  private static Optional<Integer> portNumber(String text) {
    try {
      int n = Integer.parseInt(text.trim());
      return n >= 1 && n <= 65535 ? Optional.of(n) : Optional.empty();
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  private Provider provider(String kind, YamlMap s) {
    Optional<String> text = opt(s, "provider");
    if (text.isEmpty()) {
      return Provider.CONTAINER;
    }
    Provider provider;
    try {
      provider = Provider.valueOf(text.get().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      problems.at(
          s.value("provider").orElseThrow(),
          "'provider' must be container, embedded or auto, not '" + text.get() + "'");
      return Provider.CONTAINER;
    }
    if (provider != Provider.CONTAINER && !EMBEDDABLE.contains(kind)) {
      problems.at(
          s.value("provider").orElseThrow(),
          "'"
              + kind
              + "' has no embedded provider, so 'provider: "
              + text.get()
              + "' cannot work. Remove 'provider' to run it in a container");
    }
    return provider;
  }

  private static Optional<String> opt(YamlMap s, String key) {
    return s == null ? Optional.empty() : s.string(key);
  }
}
