package io.segmented.manifest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ManifestLoaderTest {

  @TempDir Path dir;

  private final ManifestLoader loader =
      new ManifestLoader(
          Interpolator.of(
              Path.of("/work/orders"),
              Map.of("pg.image", "local/postgres:15"),
              Map.of("USER", "ci")));

  private Manifest load(String yaml) throws Exception {
    Path file = dir.resolve("segments.yaml");
    Files.writeString(file, yaml);
    return loader.load(file);
  }

  private List<String> problems(String yaml) throws IOException {
    Path file = dir.resolve("segments.yaml");
    Files.writeString(file, yaml);
    ManifestException e = assertThrows(ManifestException.class, () -> loader.load(file));
    return e.problems().stream().map(Problem::format).toList();
  }

  private static final String VALID =
      """
      version: 1
      defaults:
        timeout: 2m
        retries: 1
        jvmArgs: ["-Xmx256m"]
        properties: {shared: "yes"}
        env: {TZ: UTC}
      fixtures:
        orders-db:
          postgres:
            image: ${pg.image}
            database: orders
          expose:
            spring.datasource.url: "${jdbc-url}"
        cache:
          redis: {}
        catalog:
          container:
            image: local/httpd:1
            ports: [8080]
            wait: {http: {port: 8080, path: /health}}
            env: {OWNER: "${env.USER}"}
          dependsOn: [cache]
      segments:
        orders-db:
          description: the repository
          boundary:
            between: [orders, orders-db]
            tests:
              classes: ["com.acme.orders.*IT"]
              exclude: {tags: [slow]}
            covers: ["src/main/java/**"]
          fixtures: [orders-db]
          timeout: 30s
          properties: {own: "1"}
        catalog:
          boundary:
            between: [orders, catalog]
            tests: {tags: [http]}
          fixtures: [catalog]
          jvmArgs: []
      """;

  @Test
  void readsEveryPartAndAppliesDefaults() throws Exception {
    Manifest m = load(VALID);

    assertEquals(List.of("orders-db", "cache", "catalog"), List.copyOf(m.fixtures().keySet()));
    FixtureKind.Database db =
        assertInstanceOf(FixtureKind.Database.class, m.fixture("orders-db").kind());
    assertEquals("local/postgres:15", db.image());
    assertEquals("orders", db.database());
    assertEquals("test", db.username());
    assertEquals(Provider.CONTAINER, db.provider());
    assertEquals(Map.of("spring.datasource.url", "${jdbc-url}"), m.fixture("orders-db").expose());

    FixtureKind.Redis redis = assertInstanceOf(FixtureKind.Redis.class, m.fixture("cache").kind());
    assertEquals(FixtureKind.Redis.DEFAULT_IMAGE, redis.image());

    FixtureKind.Container web =
        assertInstanceOf(FixtureKind.Container.class, m.fixture("catalog").kind());
    assertEquals(List.of(8080), web.ports());
    assertEquals(new FixtureKind.Wait.Http("8080", "/health", 200), web.readiness());
    assertEquals(Map.of("OWNER", "ci"), web.env());
    assertEquals(List.of("cache"), m.fixture("catalog").dependsOn());

    SegmentSpec orders = m.segments().get("orders-db");
    assertEquals(Duration.ofSeconds(30), orders.timeout());
    assertEquals(1, orders.retries());
    assertEquals(List.of("-Xmx256m"), orders.jvmArgs());
    assertEquals(Map.of("shared", "yes", "own", "1"), orders.properties());
    assertEquals(Map.of("TZ", "UTC"), orders.env());
    assertEquals("orders \u2194 orders-db", orders.boundary().label());
    assertEquals(List.of("slow"), orders.boundary().tests().excludeTags());

    SegmentSpec catalog = m.segments().get("catalog");
    assertEquals(Duration.ofMinutes(2), catalog.timeout());
    assertEquals(List.of(), catalog.jvmArgs());
    assertEquals(List.of("http"), catalog.boundary().tests().tags());
  }

  @Test
  void everyKindTakesAStartupTimeoutAndEachHasItsOwnDefault() throws Exception {
    Manifest m =
        load(
            """
            version: 1
            fixtures:
              pg: {postgres: {startupTimeout: 2m}}
              pg-default: {postgres: {}}
              my: {mysql: {startupTimeout: 3m}}
              my-default: {mysql: {}}
              maria-default: {mariadb: {}}
              cache: {redis: {startupTimeout: 5s}}
              cache-default: {redis: {}}
              stubs: {wiremock: {startupTimeout: 20s}}
              stubs-default: {wiremock: {}}
            segments:
              s:
                boundary: {between: [a, b], tests: {tags: [x]}}
                fixtures: [pg]
            """);

    assertEquals(Duration.ofMinutes(2), startupTimeout(m, "pg"));
    assertEquals(Duration.ofSeconds(60), startupTimeout(m, "pg-default"));
    assertEquals(Duration.ofMinutes(3), startupTimeout(m, "my"));
    assertEquals(Duration.ofSeconds(90), startupTimeout(m, "my-default"));
    assertEquals(Duration.ofSeconds(90), startupTimeout(m, "maria-default"));
    assertEquals(Duration.ofSeconds(5), startupTimeout(m, "cache"));
    assertEquals(Duration.ofSeconds(30), startupTimeout(m, "cache-default"));
    assertEquals(Duration.ofSeconds(20), startupTimeout(m, "stubs"));
    assertEquals(Duration.ofSeconds(60), startupTimeout(m, "stubs-default"));
  }

  private static Duration startupTimeout(Manifest m, String fixture) {
    FixtureKind kind = m.fixture(fixture).kind();
    if (kind instanceof FixtureKind.Database db) {
      return db.startupTimeout();
    }
    if (kind instanceof FixtureKind.Redis redis) {
      return redis.startupTimeout();
    }
    return assertInstanceOf(FixtureKind.Wiremock.class, kind).startupTimeout();
  }

  @Test
  void aResetCommandTakesATimeoutOfAMinuteUnlessSet() throws Exception {
    Manifest m =
        load(
            """
            version: 1
            fixtures:
              web: {container: {image: x}}
              svc: {process: {command: [x]}}
            segments:
              s:
                boundary: {between: [a, b], tests: {tags: [x]}}
                fixtures: [web, svc]
                data:
                  web: {reset: {command: [reset], timeout: 5s}, scope: class}
                  svc: {reset: {command: [reset]}, scope: class}
            """);

    assertEquals(Duration.ofSeconds(5), m.segments().get("s").data().get("web").resetTimeout());
    assertEquals(Duration.ofMinutes(1), m.segments().get("s").data().get("svc").resetTimeout());
  }

  @Test
  void aStartupTimeoutOrResetTimeoutThatIsNoDurationIsAProblem() throws IOException {
    assertEquals(
        List.of(
            "segments.yaml:3:35: 'startupTimeout' is not a duration: 'soon'. Write a number and a"
                + " unit: 250ms, 30s, 5m or 1h",
            "segments.yaml:9:49: 'timeout' is not a duration: 'forever'. Write a number and a"
                + " unit: 250ms, 30s, 5m or 1h"),
        problems(
            """
            version: 1
            fixtures:
              db: {postgres: {startupTimeout: soon}}
              web: {container: {image: x}}
            segments:
              s:
                boundary: {between: [a, b], tests: {tags: [x]}}
                fixtures: [db, web]
                data: {web: {reset: {command: [x], timeout: forever}}}
            """));
  }

  @Test
  void unknownKeySuggestsTheClosestOne() throws Exception {
    assertEquals(
        List.of("segments.yaml:2:1: unknown key 'fixture' in the file. Did you mean 'fixtures'?"),
        problems(
            """
            version: 1
            fixture: {}
            segments:
              a:
                boundary: {between: [x, y], tests: {classes: ["*IT"]}}
            """));
  }

  @Test
  void missingVersion() throws Exception {
    assertEquals(
        List.of(
            "segments.yaml:1:1: 'version' is missing. Add 'version: 1' as the first line of the file"),
        problems(
            """
            segments:
              a:
                boundary: {between: [x, y], tests: {classes: ["*IT"]}}
            """));
  }

  @Test
  void wrongTypeAndBadDurationAreReportedTogetherInFileOrder() throws Exception {
    assertEquals(
        List.of(
            "segments.yaml:3:12: 'timeout' is not a duration: '10 minutes'. Write a number and a unit: 250ms, 30s, 5m or 1h",
            "segments.yaml:4:12: 'retries' must be a whole number from 0 to 10, not 'twice'"),
        problems(
            """
            version: 1
            defaults:
              timeout: 10 minutes
              retries: twice
            segments:
              a:
                boundary: {between: [x, y], tests: {classes: ["*IT"]}}
            """));
  }

  @Test
  void duplicateKey() throws Exception {
    assertEquals(
        List.of(
            "segments.yaml:5:3: duplicate key 'a' in 'segments'. Keep one of them (the first is at line 3)"),
        problems(
            """
            version: 1
            segments:
              a:
                boundary: {between: [x, y], tests: {classes: ["*IT"]}}
              a:
                boundary: {between: [x, y], tests: {classes: ["*IT"]}}
            """));
  }

  @Test
  void fixtureUsedButNotDeclared() throws Exception {
    assertEquals(
        List.of(
            "segments.yaml:7:16: segment 'a' uses fixture 'orders-bd', which is not declared under 'fixtures'. Did you mean 'orders-db'?"),
        problems(
            """
            version: 1
            fixtures:
              orders-db: {postgres: {}}
            segments:
              a:
                boundary: {between: [x, y], tests: {classes: ["*IT"]}}
                fixtures: [orders-bd]
            """));
  }

  @Test
  void dataForAFixtureTheSegmentDoesNotUseAndSeedProblems() throws Exception {
    assertEquals(
        List.of(
            "segments.yaml:10:7: segment 'a' has data for fixture 'db', which it does not use. Add it to the segment's 'fixtures' or remove the data entry",
            "segments.yaml:11:15: fixture 'cache' is a 'redis' fixture, which takes no 'seed'. Seeds are for postgres, mysql and mariadb; use 'reset' for container and process fixtures",
            "segments.yaml:11:22: seed file '"
                + dir.resolve("missing.sql")
                + "' does not exist. Check the path; it is relative to the module directory"),
        problems(
            """
            version: 1
            fixtures:
              db: {postgres: {}}
              cache: {redis: {}}
            segments:
              a:
                boundary: {between: [x, y], tests: {classes: ["*IT"]}}
                fixtures: [cache]
                data:
                  db: {scope: class}
                  cache: {seed: [missing.sql]}
            """));
  }

  @Test
  void portThatIsNotANumberAndDependsOnCycle() throws Exception {
    assertEquals(
        List.of(
            "segments.yaml:7:35: port 'http' is not a port number from 1 to 65535. Write the container port, as 'ports: [8080]'",
            "segments.yaml:8:17: fixtures depend on each other in a cycle: a -> b -> a. Remove one 'dependsOn' entry to break it"),
        problems(
            """
            version: 1
            fixtures:
              a:
                postgres: {}
                dependsOn: [b]
              b:
                container: {image: x, ports: [http]}
                dependsOn: [a]
            segments:
              s:
                boundary: {between: [x, y], tests: {classes: ["*IT"]}}
                fixtures: [a]
            """));
  }

  @Test
  void embeddedOnAKindWithoutOne() throws Exception {
    assertEquals(
        List.of(
            "segments.yaml:3:29: 'redis' has no embedded provider, so 'provider: embedded' cannot work. Remove 'provider' to run it in a container"),
        problems(
            """
            version: 1
            fixtures:
              cache: {redis: {provider: embedded}}
            segments:
              s:
                boundary: {between: [x, y], tests: {classes: ["*IT"]}}
            """));
  }

  @Test
  void keepIsTrueFalseOrLeftToTheKind() throws Exception {
    Manifest m =
        load(
            """
            version: 1
            fixtures:
              web: {container: {image: "httpd:2"}, keep: true}
              cache: {redis: {}, keep: false}
              tool: {process: {command: [java, -jar, tool.jar]}, keep: false}
              db: {postgres: {provider: auto}, keep: true}
              shared: {postgres: {}, reuse: run, keep: false}
              plain: {postgres: {}}
            segments:
              s:
                boundary: {between: [x, web], tests: {classes: ["*IT"]}}
                fixtures: [web, cache, tool, db, shared, plain]
            """);

    assertEquals(Optional.of(true), m.fixture("web").keep());
    assertEquals(Optional.of(false), m.fixture("cache").keep());
    assertEquals(Optional.of(false), m.fixture("tool").keep());
    assertEquals(Optional.of(true), m.fixture("db").keep());
    assertEquals(Optional.of(false), m.fixture("shared").keep());
    assertEquals(Optional.empty(), m.fixture("plain").keep());
  }

  @Test
  void keepIsABooleanAndADurationIsTheBuildsToSay() throws Exception {
    assertEquals(
        List.of(
            "segments.yaml:3:28: 'keep' must be true or false, not '10m'. How long kept fixtures"
                + " live is the build's to say: -Dsegment.keep=10m",
            "segments.yaml:4:40: unknown key 'kep' in 'web'. Did you mean 'keep'?"),
        problems(
            """
            version: 1
            fixtures:
              db: {postgres: {}, keep: 10m}
              web: {container: {image: "httpd:2"}, kep: true}
            segments:
              s:
                boundary: {between: [x, db], tests: {classes: ["*IT"]}}
                fixtures: [db, web]
            """));
  }

  @Test
  void keepTrueOnWhatLivesInTheBuildOrIsSharedByTheRunIsAProblemAtItsValue() throws Exception {
    assertEquals(
        List.of(
            "segments.yaml:5:11: 'keep: true' on process fixture 'tool' cannot work: a process lives"
                + " in the build and is never kept. Remove 'keep'; 'reuse: run' shares one process"
                + " between the segments of a build",
            "segments.yaml:8:11: 'keep: true' on fixture 'stubs' cannot work with 'provider:"
                + " embedded': an embedded server lives in the build and is never kept. Remove"
                + " 'keep', or remove 'provider' to keep it in a container; 'reuse: run' shares one"
                + " between the segments of a build",
            "segments.yaml:11:11: 'keep: true' on fixture 'db' cannot work with 'reuse: run': a"
                + " server the run shares is kept by its kind's rule alone (databases, Redis; a"
                + " shared container never is). Remove 'keep' to let that rule decide, or 'reuse:"
                + " run' to keep it as each segment's own"),
        problems(
            """
            version: 1
            fixtures:
              tool:
                process: {command: [java, -jar, tool.jar]}
                keep: true
              stubs:
                wiremock: {provider: embedded}
                keep: true
              db:
                postgres: {}
                keep: true
                reuse: run
            segments:
              s:
                boundary: {between: [x, tool], tests: {classes: ["*IT"]}}
                fixtures: [tool, stubs, db]
            """));
  }

  @Test
  void emptyFileGetsOneClearLine() throws Exception {
    assertEquals(
        List.of(
            "segments.yaml:1:1: the file is empty. Start it with 'version: 1' and declare at least one segment"),
        problems("\n# nothing yet\n"));
  }

  @Test
  void notYaml() throws Exception {
    List<String> problems = problems("version: 1\nsegments: [a, {b\n");
    assertEquals(1, problems.size());
    assertEquals(
        true, problems.get(0).startsWith("segments.yaml:3:1: not valid YAML: "), problems.get(0));
  }

  @Test
  void notUtf8() throws Exception {
    Path file = dir.resolve("segments.yaml");
    Files.write(file, "version: 1\ndescription: caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));
    ManifestException e = assertThrows(ManifestException.class, () -> loader.load(file));
    assertEquals(
        "segments.yaml:2:17: the text here is not UTF-8. Save the file as UTF-8", e.getMessage());
  }

  @Test
  void aliasBombIsRefusedQuickly() throws Exception {
    StringBuilder yaml = new StringBuilder("version: 1\na0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
    for (int i = 1; i < 10; i++) {
      yaml.append("a").append(i).append(": &a").append(i).append(" [");
      for (int j = 0; j < 10; j++) {
        yaml.append(j == 0 ? "" : ", ").append("*a").append(i - 1);
      }
      yaml.append("]\n");
    }
    List<String> problems = problems(yaml.toString());
    assertEquals(1, problems.size());
    assertEquals(true, problems.get(0).contains("not valid YAML"), problems.get(0));
  }

  @Test
  void hugeFileIsRefused() throws Exception {
    Path file = dir.resolve("segments.yaml");
    Files.writeString(file, "# x\n".repeat(ManifestLoader.MAX_BYTES / 4 + 1));
    ManifestException e = assertThrows(ManifestException.class, () -> loader.load(file));
    assertEquals(
        "segments.yaml:1:1: the file is larger than 1024 KiB. A manifest declares segments; keep data in seed files",
        e.getMessage());
  }

  @Test
  void aFixtureWithProblemsOfItsOwnIsStillDeclared() throws Exception {
    assertEquals(
        List.of(
            "segments.yaml:4:5: unknown key 'postgress' in 'db'. Did you mean 'postgres'?",
            "segments.yaml:4:5: fixture 'db' must have exactly one kind key, found none. Use one of: container, mariadb, mysql, postgres, process, redis, wiremock"),
        problems(
            """
            version: 1
            fixtures:
              db:
                postgress: {}
            segments:
              s:
                boundary: {between: [x, db], tests: {classes: ["*IT"]}}
                fixtures: [db]
            """));
  }

  @Test
  void aProblemReadTwiceIsReportedOnce() throws Exception {
    assertEquals(
        List.of(
            "segments.yaml:6:5: duplicate key 'timeout' in 's'. Keep one of them (the first is at line 5)"),
        problems(
            """
            version: 1
            segments:
              s:
                boundary: {between: [x, y], tests: {classes: ["*IT"]}}
                timeout: 1m
                timeout: 2m
            """));
  }

  @Test
  void aPathTheFileSystemRefusesIsAProblem() throws Exception {
    assertEquals(
        List.of(
            "segments.yaml:8:24: 'a\u0000.sql' is not a valid path: Nul character not allowed. Write a path relative to the module directory"),
        problems(
            """
            version: 1
            fixtures:
              db: {postgres: {}}
            segments:
              s:
                boundary: {between: [x, y], tests: {classes: ["*IT"]}}
                fixtures: [db]
                data: {db: {seed: ["a\\0.sql"]}}
            """));
  }

  @Test
  void eachProblemPointsAtTheNodeThatIsWrong() throws Exception {
    Files.createDirectories(dir.resolve("sql"));
    Files.writeString(dir.resolve("sql/schema.sql"), "create table t (id int);");
    assertEquals(
        List.of(
            "segments.yaml:5:5: fixture 'db' must have exactly one kind key, found postgres, redis."
                + " Use one of: container, mariadb, mysql, postgres, process, redis, wiremock",
            "segments.yaml:13:17: fixtures depend on each other in a cycle: a -> b -> a. Remove one"
                + " 'dependsOn' entry to break it",
            "segments.yaml:20:9: fixture 'cache' is a 'redis' fixture, which takes no 'seed'. Seeds"
                + " are for postgres, mysql and mariadb; use 'reset' for container and process"
                + " fixtures",
            "segments.yaml:24:13: seed file '"
                + dir.resolve("sql/missing.sql")
                + "' does not exist. Check the path; it is relative to the module directory"),
        problems(
            """
            version: 1
            fixtures:
              db:
                postgres: {}
                redis: {}
              cache:
                redis: {}
              a:
                postgres: {}
                dependsOn: [cache, b]
              b:
                postgres: {}
                dependsOn: [a]
            segments:
              s:
                boundary: {between: [x, y], tests: {classes: ["*IT"]}}
                fixtures: [cache, a]
                data:
                  cache:
                    seed: [sql/schema.sql]
                  a:
                    seed:
                      - sql/schema.sql
                      - sql/missing.sql
            """));
  }

  @Test
  void aKindWithoutItsSettingsIsReportedAtTheKindKey() throws Exception {
    assertEquals(
        List.of(
            "segments.yaml:4:5: a 'container' fixture needs an 'image'. Add 'image: name:tag'",
            "segments.yaml:6:5: a 'process' fixture needs a 'command'. Add 'command: [java, -jar,"
                + " app.jar]'"),
        problems(
            """
            version: 1
            fixtures:
              web:
                container:
              app:
                process:
            segments:
              s:
                boundary: {between: [x, y], tests: {classes: ["*IT"]}}
            """));
  }

  @Test
  void anUnresolvedReferenceIsAWarningAtItsValueNamingHowToSetIt() throws Exception {
    Manifest m =
        load(
            """
            version: 1
            fixtures:
              app:
                container:
                  image: ${env.UNSET_VAR}
                  env: {A: "${no.such.property}", B: "${env.USER}", C: "${host}:${port.http}"}
                  command: [run, "${env.UNSET_VAR}", "${pg.image}"]
            segments:
              s:
                boundary: {between: [x, app], tests: {classes: ["*IT"]}}
                fixtures: [app]
            """);

    FixtureKind.Container app =
        assertInstanceOf(FixtureKind.Container.class, m.fixture("app").kind());
    assertEquals("${env.UNSET_VAR}", app.image());
    assertEquals(List.of("run", "${env.UNSET_VAR}", "local/postgres:15"), app.command());
    assertEquals(
        List.of(
            "segments.yaml:5:14: '${env.UNSET_VAR}' is not resolved: the environment variable"
                + " UNSET_VAR is not set, so the value stays as written. Set UNSET_VAR in the"
                + " build's environment, or write the value itself",
            "segments.yaml:6:16: '${no.such.property}' is not resolved: there is no project"
                + " property 'no.such.property', so the value stays as written. Define it in the"
                + " pom's <properties> or pass -Dno.such.property=..., or write the value itself",
            "segments.yaml:7:22: '${env.UNSET_VAR}' is not resolved: the environment variable"
                + " UNSET_VAR is not set, so the value stays as written. Set UNSET_VAR in the"
                + " build's environment, or write the value itself"),
        m.warnings().stream().map(Problem::format).toList());
  }

  @Test
  void oddValuesAreReadAsWritten() throws Exception {
    String odd =
        "$1 \\1 \\ $ $}{ ${x \u00e9 \u4e2d\u6587 \uD83D\uDE00 \u05d0 " + "x".repeat(10_000);
    Manifest m =
        load(
            "version: 1\n"
                + "segments:\n"
                + "  s:\n"
                + "    description: '"
                + odd
                + "'\n"
                + "    boundary: {between: [x, y], tests: {classes: ['*IT']}}\n"
                + "    properties: {p: '"
                + odd
                + "'}\n");
    assertEquals(odd, m.segments().get("s").description());
    assertEquals(odd, m.segments().get("s").properties().get("p"));
    assertEquals(List.of(), m.warnings());
  }
}
