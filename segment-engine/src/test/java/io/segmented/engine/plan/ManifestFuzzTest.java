package io.segmented.engine.plan;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.segmented.engine.InputException;
import io.segmented.engine.RunRequest;
import io.segmented.engine.change.ChangeSelection;
import io.segmented.engine.change.ChangedFiles;
import io.segmented.engine.fixture.DockerProbe;
import io.segmented.engine.lint.ManifestLint;
import io.segmented.manifest.Interpolator;
import io.segmented.manifest.Manifest;
import io.segmented.manifest.ManifestException;
import io.segmented.manifest.ManifestLoader;
import io.segmented.manifest.Problem;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Seeded random mutations of a valid manifest, each taken through what {@code segment:validate},
 * {@code segment:plan} and a run's planning do with it: the loader, the lint against compiled test
 * classes, the planner (with odd {@code -D} values, and with a change selection), and the plan as
 * text and as JSON. Every case ends in a manifest or in problems that each have a line and a
 * column, and in a plan or an {@link InputException}; never in anything else. The mutations write
 * odd values ({@code $}, {@code \}, unresolved {@code ${...}}, non-Latin-1 and very long text) and
 * raw bytes. Each case runs under a bound, so that a hang fails with its input instead of stopping
 * the build; the bound is generous and says nothing about speed. A failure prints the seed, the
 * case and the input.
 */
class ManifestFuzzTest {

  private static final int CASES = 10_000;
  private static final long SEED = 20261126L;

  /** Against hangs only: a case takes milliseconds, and a slow machine must never fail it. */
  private static final Duration HANG_BOUND = Duration.ofSeconds(60);

  private static final String VALID =
      """
      version: 1
      defaults:
        timeout: 2m
        retries: 1
        jvmArgs: ["-Xmx256m"]
        properties: {a: b}
        env: {E: "${env.SET_VAR}"}
      fixtures:
        db:
          postgres:
            image: postgres:16-alpine
            database: orders
          expose:
            spring.datasource.url: "${jdbc-url}"
        cache:
          redis: {image: "redis:7"}
          reuse: run
        web:
          container:
            image: httpd:2
            ports: [8080]
            wait: {http: {port: 8080, path: /, status: 200}}
            env: {A: b}
            files: {conf/httpd.conf: /etc/httpd.conf}
          dependsOn: [cache]
        tool:
          process:
            command: [java, -jar, "tool-${project.version}.jar", "--port=${port.http}"]
            ports: [http]
            wait: {port: http}
      segments:
        orders-db:
          description: the repository
          boundary:
            between: [orders, db]
            tests:
              classes: ["com.acme.*IT"]
              exclude: {tags: [slow]}
            covers: ["src/**", "src/{main,test}/*.sql"]
          fixtures: [db]
          data:
            db: {scope: class, seed: [sql/schema.sql]}
          timeout: 30s
        web:
          boundary:
            between: [orders, web]
            tests: {tags: [http]}
          fixtures: [web, tool]
        client:
          boundary:
            between: [client, tool]
            tests: {packages: [com.acme.client], classes: ["**.*ClientIT"]}
          fixtures: [tool]
      """;

  /** Values no manifest should hold, yet one may: none of them may crash a goal. */
  private static final String[] ODD_VALUES = {
    "$",
    "\\",
    "$1",
    "\\1",
    "$0\\0",
    "${env.UNSET_VAR}",
    "${env.SET_VAR}",
    "${no.such.property}",
    "${project.version}",
    "${basedir}",
    "${",
    "${}",
    "${a${b}}",
    "}{$",
    "a$b\\c",
    "[a-",
    "(?",
    "*",
    "**",
    "{a,{b}",
    "../../etc/passwd",
    "/abs/path",
    "caf\u00e9",
    "\u4e2d\u6587",
    "\uD83D\uDE00",
    "\u05d0\u202e",
    "\u0000",
    "\uFFFF",
    "\uFFFE",
    "\t",
    "x".repeat(5000),
    "$".repeat(300) + "\\".repeat(300),
    "${x}".repeat(200)
  };

  private static final String[] TOKENS = {
    ":",
    "- ",
    "[",
    "]",
    "{",
    "}",
    "&a",
    "*a",
    "!!str",
    "'",
    "\"",
    "#",
    "\t",
    "  ",
    "\n",
    "null",
    "~",
    "-1",
    "99999999999",
    "1h",
    "x: y",
    "? ",
    "|",
    ">",
    "%",
    "@",
    "version: 2"
  };

  /** {@code -Dsegment}, {@code -Dit.test} and {@code -Dsegment.shard} values, odd ones included. */
  private static final String[] SELECTIONS = {
    "", "", "", "", "", "o*", "web,client", "*", "$", "\\", "["
  };

  private static final String[] TEST_FILTERS = {
    "", "", "", "", "*IT", "Client*#m*", "$", "\\", "#", "[a"
  };
  private static final String[] SHARDS = {"", "", "", "", "", "1/2", "2/2", "0/0", "$/\\"};

  private static ExecutorService worker;

  @TempDir static Path dir;

  @BeforeAll
  static void module() throws Exception {
    worker =
        Executors.newSingleThreadExecutor(
            r -> {
              Thread t = new Thread(r, "manifest-fuzz");
              t.setDaemon(true);
              return t;
            });
    Files.createDirectories(dir.resolve("sql"));
    Files.writeString(dir.resolve("sql/schema.sql"), "create table t (id int);");
    Path classes = Files.createDirectories(dir.resolve("target/test-classes/com/acme/client"));
    Files.writeString(classes.resolve("OrdersClientIT.class"), "");
    Files.writeString(classes.getParent().resolve("RepoIT.class"), "");
    Files.writeString(classes.getParent().resolve("Unit$Inner.class"), "");
  }

  @AfterAll
  static void stop() {
    worker.shutdownNow();
  }

  @Test
  void everyCaseGivesAManifestOrPositionedProblemsAndAPlanOrAnInputError() throws Exception {
    Random random = new Random(SEED);
    ManifestLoader loader =
        new ManifestLoader(
            Interpolator.of(
                dir,
                Map.of("project.version", "1.0-$1\\", "odd", "\\$0"),
                Map.of("SET_VAR", "$1\\x\u00e9")));
    Path file = dir.resolve("segments.yaml");
    int[] outcomes = new int[3]; // rejected, loaded, planned
    for (int i = 0; i < CASES; i++) {
      byte[] input = mutate(random);
      Files.write(file, input);
      Request request =
          new Request(
              pick(random, SELECTIONS),
              pick(random, TEST_FILTERS),
              pick(random, SHARDS),
              random.nextInt(3) == 0);
      int n = i;
      Future<Integer> outcome = worker.submit(() -> oneCase(loader, file, request));
      try {
        outcomes[outcome.get(HANG_BOUND.toSeconds(), TimeUnit.SECONDS)]++;
      } catch (TimeoutException e) {
        outcome.cancel(true);
        throw new AssertionError(describe(n, request, input, "did not end within " + HANG_BOUND));
      } catch (ExecutionException e) {
        throw new AssertionError(
            describe(n, request, input, "threw " + e.getCause()), e.getCause());
      }
    }
    // the mutations must break the file often, and leave it whole often, or the test proves little
    assertTrue(outcomes[0] > CASES / 4, "only " + outcomes[0] + " of " + CASES + " rejected");
    assertTrue(outcomes[2] > CASES / 10, "only " + outcomes[2] + " of " + CASES + " planned");
  }

  /** The odd {@code -D} values of one case, and whether it plans with a change selection. */
  private record Request(String segments, String test, String shard, boolean changed) {}

  /** 0: the manifest was rejected; 1: loaded, but the plan refused the request; 2: planned. */
  private static int oneCase(ManifestLoader loader, Path file, Request r) throws Exception {
    Manifest manifest;
    try {
      manifest = loader.load(file);
    } catch (ManifestException e) {
      assertFalse(e.problems().isEmpty());
      e.problems().forEach(ManifestFuzzTest::assertPositioned);
      return 0;
    }
    manifest.warnings().forEach(ManifestFuzzTest::assertPositioned);
    ManifestLint.check(manifest, dir.resolve("target/test-classes"));
    RunRequest request =
        RunRequest.builder("m", dir, manifest)
            .segments(r.segments())
            .tests(r.test(), "", "")
            .shard(r.shard())
            .build();
    Optional<ChangeSelection> change =
        r.changed()
            ? Optional.of(
                ChangeSelection.of(
                    manifest,
                    dir,
                    new ChangedFiles(
                        "HEAD",
                        new TreeSet<>(Set.of("src/main/a.sql", "segments.yaml", "$\\\u00e9")),
                        Map.of("segments.yaml", new TreeSet<>(Set.of(1, 12, 40, 9999))))))
            : Optional.empty();
    Plan plan;
    try {
      plan = Planner.plan(request, new DockerLikeClient(), change);
    } catch (InputException e) {
      assertFalse(e.getMessage().isBlank());
      return 1;
    }
    assertFalse(PlanText.lines(plan).isEmpty());
    assertFalse(PlanJson.of(plan).toString().isEmpty());
    return 2;
  }

  /**
   * Asked about images as a run asks Docker: the real client puts the name into the request path
   * with {@code String.replaceAll}, which fails on a {@code $} or {@code \} in it ("Illegal group
   * reference"), so this one does the same.
   */
  private static final class DockerLikeClient implements DockerProbe {
    @Override
    public boolean answers() {
      return true;
    }

    @Override
    public boolean hasImage(String image) {
      return "/images/{id}/json".replaceAll("\\{id\\}", image).contains("alpine");
    }
  }

  private static void assertPositioned(Problem p) {
    String expected = "segments.yaml:" + p.position().line() + ":" + p.position().column() + ": ";
    assertTrue(
        p.position().line() >= 1 && p.position().column() >= 1 && p.format().startsWith(expected),
        "not at a line and column: " + p.format());
  }

  private static String describe(int n, Request request, byte[] input, String what) {
    return "case "
        + n
        + " (seed "
        + SEED
        + ", "
        + request
        + ") "
        + what
        + " for:\n"
        + new String(input, StandardCharsets.UTF_8);
  }

  private static String pick(Random random, String[] from) {
    return from[random.nextInt(from.length)];
  }

  /**
   * One to four edits of the valid manifest's lines. Lines are kept as bytes, so that a random byte
   * stays as written and every other character, U+FFFF included, is written as UTF-8.
   */
  private static byte[] mutate(Random random) {
    List<byte[]> lines = new ArrayList<>();
    for (String line : VALID.split("\n", -1)) {
      lines.add(utf8(line));
    }
    // half the cases only put odd values in, so that many of them load and reach the planner
    boolean valuesOnly = random.nextBoolean();
    int edits = valuesOnly ? 1 + random.nextInt(2) : 1 + random.nextInt(4);
    for (int e = 0; e < edits; e++) {
      int at = random.nextInt(lines.size());
      String line = new String(lines.get(at), StandardCharsets.UTF_8);
      switch (valuesOnly ? 5 : random.nextInt(8)) {
        case 0 -> lines.remove(at);
        case 1 -> lines.set(at, utf8(line.startsWith("  ") ? line.substring(2) : "    " + line));
        case 2 -> {
          int colon = line.indexOf(':');
          if (colon > 0) {
            lines.set(at, utf8(line.substring(0, colon + 1) + " " + pick(random, TOKENS)));
          }
        }
        case 3 -> {
          int pos = line.isEmpty() ? 0 : random.nextInt(line.length());
          lines.set(at, utf8(line.substring(0, pos) + pick(random, TOKENS) + line.substring(pos)));
        }
        case 4 -> lines.add(at, lines.get(random.nextInt(lines.size())));
        case 5, 6 -> lines.set(at, utf8(withOddValue(line, random)));
        default -> {
          byte[] bytes = lines.get(at).clone();
          if (bytes.length > 0) {
            bytes[random.nextInt(bytes.length)] = (byte) random.nextInt(256);
          }
          lines.set(at, bytes);
        }
      }
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (int i = 0; i < lines.size(); i++) {
      if (i > 0) {
        out.write('\n');
      }
      out.writeBytes(lines.get(i));
    }
    return out.toByteArray();
  }

  /**
   * The line with its value replaced by an odd value, or one put first in its list; plain, single-
   * or double-quoted, where characters YAML does not take as they are are escaped, so that they
   * reach the planner.
   */
  private static String withOddValue(String line, Random random) {
    String odd = pick(random, ODD_VALUES);
    String value =
        switch (random.nextInt(3)) {
          case 0 -> odd;
          case 1 -> "'" + odd.replace("'", "''") + "'";
          default -> doubleQuoted(odd);
        };
    int open = line.indexOf('[');
    if (open >= 0 && random.nextBoolean()) {
      return line.substring(0, open + 1) + value + ", " + line.substring(open + 1);
    }
    int colon = line.indexOf(": ");
    return colon > 0 ? line.substring(0, colon + 2) + value : line;
  }

  private static String doubleQuoted(String text) {
    StringBuilder out = new StringBuilder("\"");
    for (char c : text.toCharArray()) {
      if (c == '\\' || c == '"') {
        out.append('\\').append(c);
      } else if (c < 0x20 || c == '\uFFFE' || c == '\uFFFF') {
        out.append(String.format("\\u%04x", (int) c));
      } else {
        out.append(c);
      }
    }
    return out.append('"').toString();
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
