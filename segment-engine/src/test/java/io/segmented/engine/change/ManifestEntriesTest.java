package io.segmented.engine.change;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.segmented.manifest.Interpolator;
import io.segmented.manifest.Manifest;
import io.segmented.manifest.ManifestLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ManifestEntriesTest {

  @TempDir Path dir;

  private Map<String, ManifestEntries.Lines> entries(String yaml) throws Exception {
    Path file = dir.resolve("segments.yaml");
    Files.writeString(file, yaml);
    Manifest manifest = new ManifestLoader(Interpolator.of(dir, Map.of(), Map.of())).load(file);
    return ManifestEntries.of(manifest, List.of(yaml.split("\n", -1)));
  }

  @Test
  void blockFlowAndQuotedEntriesEndWhereTheNextBeginsOrTheBlockEnds() throws Exception {
    Map<String, ManifestEntries.Lines> e =
        entries(
            """
            version: 1
            segments:
              one:
                boundary: {between: [a, b], tests: {classes: ["*IT"]}}
              two: {boundary: {between: [a, b], tests: {classes: ["*IT"]}}}
              "three":

                # a comment inside the entry
                boundary: {between: [a, b], tests: {classes: ["*IT"]}}
            # a top-level comment does not end the block
            fixtures:
              x: {redis: {}}
            """);
    assertEquals(
        Map.of(
            "one", new ManifestEntries.Lines(3, 4),
            "two", new ManifestEntries.Lines(5, 5),
            "three", new ManifestEntries.Lines(6, 10)),
        e);
  }

  @Test
  void fixturesHaveEntriesOfTheirOwnInTheirBlock() throws Exception {
    String yaml =
        """
        version: 1
        fixtures:
          db:
            postgres: {}
          # belongs to db
          cache: {redis: {}}
        segments:
          one:
            boundary: {between: [a, b], tests: {classes: ["*IT"]}}
            fixtures: [db, cache]
        """;
    Path file = dir.resolve("segments.yaml");
    Files.writeString(file, yaml);
    Manifest manifest = new ManifestLoader(Interpolator.of(dir, Map.of(), Map.of())).load(file);
    List<String> text = List.of(yaml.split("\n", -1));
    assertEquals(
        Map.of("db", new ManifestEntries.Lines(3, 5), "cache", new ManifestEntries.Lines(6, 6)),
        ManifestEntries.fixtures(manifest, text));
    assertEquals(
        Map.of("one", new ManifestEntries.Lines(8, 11)), ManifestEntries.of(manifest, text));
  }

  @Test
  void aFixturesBlockAfterTheSegmentsEndsAtTheEndOfTheFile() throws Exception {
    String yaml =
        """
        version: 1
        segments:
          one:
            boundary: {between: [a, b], tests: {classes: ["*IT"]}}
            fixtures: [db]
        fixtures:
          db:
            postgres: {}
        """;
    Path file = dir.resolve("segments.yaml");
    Files.writeString(file, yaml);
    Manifest manifest = new ManifestLoader(Interpolator.of(dir, Map.of(), Map.of())).load(file);
    List<String> text = List.of(yaml.split("\n", -1));
    assertEquals(
        Map.of("db", new ManifestEntries.Lines(7, 9)), ManifestEntries.fixtures(manifest, text));
    assertEquals(
        Map.of("one", new ManifestEntries.Lines(3, 5)), ManifestEntries.of(manifest, text));
  }

  @Test
  void theLastEntryRunsToTheEndOfTheFile() throws Exception {
    assertEquals(
        Map.of("only", new ManifestEntries.Lines(3, 6)),
        entries(
            """
            version: 1
            segments:
              only:
                boundary:
                  between: [a, b]
                  tests: {classes: ["*IT"]}"""));
  }
}
