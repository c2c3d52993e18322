package io.segmented.manifest;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Seeded random mutations of a valid manifest: the loader returns a manifest or a {@link
 * ManifestException} whose every problem names the file, every time, and never anything else. A
 * failure prints the seed and the input.
 */
class ManifestFuzzTest {

  private static final int ITERATIONS = 3000;
  private static final long SEED = 20261126L;

  private static final String VALID =
      """
      version: 1
      defaults:
        timeout: 2m
        retries: 1
        jvmArgs: ["-Xmx256m"]
        properties: {a: b}
      fixtures:
        db:
          postgres:
            image: postgres:16-alpine
            database: orders
          expose:
            spring.datasource.url: "${jdbc-url}"
        cache:
          redis: {}
        web:
          container:
            image: httpd:2
            ports: [8080]
            wait: {http: {port: 8080, path: /, status: 200}}
            env: {A: b}
          dependsOn: [cache]
      segments:
        orders-db:
          description: the repository
          boundary:
            between: [orders, db]
            tests:
              classes: ["com.acme.*IT"]
              exclude: {tags: [slow]}
            covers: ["src/**"]
          fixtures: [db]
          data:
            db: {scope: class}
          timeout: 30s
        web:
          boundary:
            between: [orders, web]
            tests: {tags: [http]}
          fixtures: [web]
      """;

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
    "\u0000",
    "\uFFFF",
    "version: 2"
  };

  @TempDir Path dir;

  @Test
  void everyMutationGivesAManifestOrAPositionedManifestError() throws Exception {
    ManifestLoader loader = new ManifestLoader(Interpolator.of(dir, Map.of(), Map.of()));
    Random random = new Random(SEED);
    Path file = dir.resolve("segments.yaml");
    int rejected = 0;
    for (int i = 0; i < ITERATIONS; i++) {
      byte[] input = mutate(random);
      Files.write(file, input);
      try {
        loader.load(file);
      } catch (ManifestException e) {
        rejected++;
        assertFalse(e.problems().isEmpty());
        for (Problem p : e.problems()) {
          if (!p.format().startsWith("segments.yaml")) {
            fail(
                "iteration " + i + " (seed " + SEED + "): problem without the file: " + p.format());
          }
        }
      } catch (Throwable t) {
        throw new AssertionError(
            "iteration "
                + i
                + " (seed "
                + SEED
                + ") threw "
                + t
                + " for:\n"
                + new String(input, StandardCharsets.UTF_8),
            t);
      }
    }
    // the mutations must mostly break the file, or the test proves little
    assertFalse(
        rejected < ITERATIONS / 2,
        "only " + rejected + " of " + ITERATIONS + " mutations were rejected");
  }

  private static byte[] mutate(Random random) {
    List<String> lines = new ArrayList<>(List.of(VALID.split("\n", -1)));
    int edits = 1 + random.nextInt(4);
    for (int e = 0; e < edits; e++) {
      int at = random.nextInt(lines.size());
      String line = lines.get(at);
      switch (random.nextInt(6)) {
        case 0 -> lines.remove(at);
        case 1 -> lines.set(at, line.startsWith("  ") ? line.substring(2) : "    " + line);
        case 2 -> {
          int colon = line.indexOf(':');
          if (colon > 0) {
            lines.set(
                at, line.substring(0, colon + 1) + " " + TOKENS[random.nextInt(TOKENS.length)]);
          }
        }
        case 3 -> {
          int pos = line.isEmpty() ? 0 : random.nextInt(line.length());
          lines.set(
              at,
              line.substring(0, pos) + TOKENS[random.nextInt(TOKENS.length)] + line.substring(pos));
        }
        case 4 -> lines.add(at, lines.get(random.nextInt(lines.size())));
        default -> {
          byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
          if (bytes.length > 0) {
            bytes[random.nextInt(bytes.length)] = (byte) random.nextInt(256);
          }
          lines.set(at, new String(bytes, StandardCharsets.ISO_8859_1));
        }
      }
    }
    // ISO-8859-1 keeps the random bytes as written, so some inputs are not UTF-8
    return String.join("\n", lines).getBytes(StandardCharsets.ISO_8859_1);
  }
}
