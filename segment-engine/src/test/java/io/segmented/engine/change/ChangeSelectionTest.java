package io.segmented.engine.change;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.segmented.engine.plan.Decision;
import io.segmented.engine.plan.Selection;
import io.segmented.engine.plan.Selector;
import io.segmented.manifest.Interpolator;
import io.segmented.manifest.Manifest;
import io.segmented.manifest.ManifestLoader;
import io.segmented.manifest.SegmentSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChangeSelectionTest {

  /** Line numbers matter here: the entries are lines 16-24 (repo), 25-31 (web), 32-33 (other). */
  private static final String MANIFEST =
      """
      version: 1

      fixtures:
        db:
          postgres: {}
        stubs:
          wiremock: {mappings: src/it/stubs}
        web:
          container:
            image: httpd
            files: {site/index.html: /usr/local/apache2/htdocs/index.html}
          dependsOn: [stubs]

      segments:
        # a comment before the first entry belongs to none
        repo:
          boundary:
            between: [app, db]
            tests: {classes: ["*RepoIT"]}
            covers: ["src/main/java/app/repo/**", "src/main/resources/db/*.sql"]
          fixtures: [db]
          data:
            db: {seed: [src/it/sql/schema.sql]}
        # the next entry's comment belongs to the entry above it
        web:
          boundary:
            between: [app, web]
            tests: {classes: ["*WebIT"]}
            covers: ["src/main/java/app/web/*.java"]
            contract: {openapi: contracts/web.yaml}
          fixtures: [web]
        other:
          boundary: {between: [app, x], tests: {classes: ["*OtherIT"]}}
      """;

  @TempDir Path dir;
  private Manifest manifest;

  @BeforeEach
  void module() throws Exception {
    for (String f :
        List.of("src/it/stubs/mappings/a.json", "site/index.html", "src/it/sql/schema.sql")) {
      Files.createDirectories(dir.resolve(f).getParent());
      Files.writeString(dir.resolve(f), "x");
    }
    Files.createDirectories(dir.resolve("contracts"));
    Files.writeString(dir.resolve("contracts/web.yaml"), "openapi: 3.0.3");
    Path file = dir.resolve("segments.yaml");
    Files.writeString(file, MANIFEST);
    manifest = new ManifestLoader(Interpolator.of(dir, Map.of(), Map.of())).load(file);
  }

  private Map<String, String> decide(Map<String, List<Integer>> lines, String... paths)
      throws Exception {
    Map<String, java.util.SortedSet<Integer>> l = new LinkedHashMap<>();
    lines.forEach((p, ls) -> l.put(p, new TreeSet<>(ls)));
    ChangeSelection selection =
        ChangeSelection.of(
            manifest, dir, new ChangedFiles("HEAD", new TreeSet<>(Arrays.asList(paths)), l));
    return selection.decisions().values().stream()
        .collect(
            Collectors.toMap(
                ChangeSelection.Decision::segmentId,
                d -> (d.selected() ? "selected: " : "left out: ") + d.reason(),
                (a, b) -> a,
                LinkedHashMap::new));
  }

  private Map<String, String> decide(String... paths) throws Exception {
    return decide(Map.of(), paths);
  }

  private static final String NONE =
      " file(s) changed since HEAD matches its covers, its entry in segments.yaml or those of its"
          + " fixtures, or a file its fixtures, data or contract name";

  @Test
  void aChangedFileSelectsTheSegmentWhoseCoversMatchIt() throws Exception {
    Map<String, String> d = decide("src/main/java/app/repo/Repo.java", "README.md");
    assertEquals(
        "selected: src/main/java/app/repo/Repo.java matches covers 'src/main/java/app/repo/**'",
        d.get("repo"));
    assertEquals("left out: none of the 2" + NONE, d.get("web"));
    assertEquals(
        "left out: none of the 2" + NONE.replace("its covers,", "its covers (it declares none),"),
        d.get("other"));
  }

  @Test
  void theFirstMatchingFileIsNamedAndTheOthersCounted() throws Exception {
    assertEquals(
        "selected: src/main/resources/db/a.sql matches covers 'src/main/resources/db/*.sql'"
            + " (and 1 more file(s))",
        decide("src/main/resources/db/a.sql", "src/main/resources/db/b.sql").get("repo"));
    assertEquals(
        "left out: none of the 1" + NONE, decide("src/main/resources/db/v2/a.sql").get("repo"));
  }

  @Test
  void filesTheSegmentsDataContractAndFixturesNameSelectIt() throws Exception {
    assertEquals(
        "selected: a seed script of its data in 'db' changed (src/it/sql/schema.sql)",
        decide("src/it/sql/schema.sql").get("repo"));
    assertEquals(
        "selected: its contract changed (contracts/web.yaml)",
        decide("contracts/web.yaml").get("web"));
    assertEquals(
        "selected: the files of fixture 'web' changed (site/index.html)",
        decide("site/index.html").get("web"));
    assertEquals(
        "selected: the mappings of fixture 'stubs' changed (src/it/stubs/mappings/b.json)",
        decide("src/it/stubs/mappings/b.json").get("web"),
        "stubs is web's through dependsOn, and a new file in its folder counts");
    assertEquals(
        "left out: none of the 1" + NONE, decide("src/it/stubs/mappings/b.json").get("repo"));
  }

  @Test
  void aChangeInsideASegmentsEntrySelectsOnlyThatSegment() throws Exception {
    Map<String, String> d = decide(Map.of("segments.yaml", List.of(16, 22, 23)), "segments.yaml");
    assertEquals("selected: its entry in segments.yaml changed (lines 16, 22-23)", d.get("repo"));
    assertEquals("left out: none of the 1" + NONE, d.get("web"));
    assertEquals(
        "selected: its entry in segments.yaml changed (line 24)",
        decide(Map.of("segments.yaml", List.of(24)), "segments.yaml").get("repo"));
    assertEquals(
        "selected: its entry in segments.yaml changed (line 33)",
        decide(Map.of("segments.yaml", List.of(33)), "segments.yaml").get("other"));
  }

  @Test
  void aChangeInAFixturesEntrySelectsTheSegmentsThatUseIt() throws Exception {
    Map<String, String> image = decide(Map.of("segments.yaml", List.of(10)), "segments.yaml");
    assertEquals(
        "selected: the entry of its fixture 'web' in segments.yaml changed (line 10)",
        image.get("web"));
    assertEquals("left out: none of the 1" + NONE, image.get("repo"));
    assertEquals(
        "left out: none of the 1" + NONE.replace("its covers,", "its covers (it declares none),"),
        image.get("other"));
    assertEquals(
        "selected: the entry of its fixture 'stubs' in segments.yaml changed (lines 6-7)",
        decide(Map.of("segments.yaml", List.of(6, 7)), "segments.yaml").get("web"),
        "web uses stubs through dependsOn");
    Map<String, String> db = decide(Map.of("segments.yaml", List.of(5, 18)), "segments.yaml");
    assertEquals(
        "selected: its entry in segments.yaml changed (line 18);"
            + " the entry of its fixture 'db' in segments.yaml changed (line 5)",
        db.get("repo"));
    assertEquals("left out: none of the 1" + NONE, db.get("web"));
  }

  @Test
  void aChangeOutsideEveryEntryOrToThePomSelectsAll() throws Exception {
    Map<String, String> d = decide(Map.of("segments.yaml", List.of(3, 15)), "segments.yaml");
    String outside =
        "selected: segments.yaml changed outside every segment's and fixture's entry (lines 3, 15)";
    assertEquals(List.of(outside, outside, outside), List.copyOf(d.values()));
    Map<String, String> pom = decide("pom.xml", "src/main/java/app/web/Client.java");
    assertEquals(
        "selected: src/main/java/app/web/Client.java matches covers 'src/main/java/app/web/*.java';"
            + " pom.xml changed, which can change what every segment tests",
        pom.get("web"));
    assertEquals(
        "selected: pom.xml changed, which can change what every segment tests", pom.get("other"));
  }

  @Test
  void nothingChangedLeavesEverySegmentOut() throws Exception {
    assertEquals(
        List.of(
            "left out: no file in the module changed since HEAD",
            "left out: no file in the module changed since HEAD",
            "left out: no file in the module changed since HEAD"),
        List.copyOf(decide().values()));
  }

  @Test
  void narrowsTheIdSelectionAndReportsWhyEachSegmentIsLeftOut() throws Exception {
    ChangeSelection change =
        ChangeSelection.of(
            manifest,
            dir,
            new ChangedFiles(
                "origin/main", new TreeSet<>(List.of("src/main/java/app/repo/R.java")), Map.of()));
    Selection selection = change.narrow(Selection.parse("repo,web"));
    Map<String, SegmentSpec> s = manifest.segments();
    assertEquals(true, selection.selects(s.get("repo")));
    assertEquals(false, selection.selects(s.get("web")));
    assertEquals(false, selection.selects(s.get("other")));
    assertEquals(Optional.empty(), selection.whyLeftOut(s.get("repo")));
    assertEquals(
        Optional.of(
            Decision.leftOut(
                Selector.CHANGE,
                "not selected by -Dsegment.changedSince=origin/main: none of the 1"
                    + NONE.replace("HEAD", "origin/main"))),
        selection.whyLeftOut(s.get("web")));
    assertEquals(
        Optional.of(Decision.leftOut(Selector.PATTERN, "not selected by -Dsegment=repo,web")),
        selection.whyLeftOut(s.get("other")));
    assertEquals(List.of(), selection.unmatched(s.values()), "-Dsegment typos are still found");
  }

  @Test
  void throughGitAnEditedAndAnUntrackedFileSelectTheSegmentsTheyAreCoveredBy() throws Exception {
    try (TestRepo repo = TestRepo.init(dir)) {
      repo.write("src/main/java/app/web/Client.java", "class Client {}\n").commit("first");
      repo.write("src/main/java/app/web/Client.java", "class Client { int timeout; }\n");
      repo.write("src/main/java/app/repo/New.java", "class New {}\n");

      assertEquals(
          Map.of(
              "repo",
              "selected: src/main/java/app/repo/New.java matches covers 'src/main/java/app/repo/**'",
              "web",
              "selected: src/main/java/app/web/Client.java matches covers"
                  + " 'src/main/java/app/web/*.java'",
              "other",
              "left out: none of the 2"
                  + NONE.replace("its covers,", "its covers (it declares none),")),
          decisions(ChangeSelection.since(manifest, dir, "HEAD")));
    }
  }

  @Test
  void throughGitTheManifestsChangedLinesAreAttributedToEntries() throws Exception {
    try (TestRepo repo = TestRepo.init(dir)) {
      repo.commit("first");
      Files.writeString(dir.resolve("segments.yaml"), MANIFEST.replace("*OtherIT", "*OthersIT"));
      repo.commit("second");

      Map<String, String> sinceFirst = decisions(ChangeSelection.since(manifest, dir, "HEAD~1"));
      assertEquals(
          "selected: its entry in segments.yaml changed (line 33)", sinceFirst.get("other"));
      assertEquals(
          "left out: none of the 1" + NONE.replace("HEAD", "HEAD~1"), sinceFirst.get("repo"));

      Files.writeString(
          dir.resolve("segments.yaml"),
          MANIFEST.replace("*OtherIT", "*OthersIT").replace("httpd", "httpd:2"));
      Map<String, String> newImage = decisions(ChangeSelection.since(manifest, dir, "HEAD"));
      assertEquals(
          "selected: the entry of its fixture 'web' in segments.yaml changed (line 10)",
          newImage.get("web"));
      assertEquals("left out: none of the 1" + NONE, newImage.get("repo"));
    }
  }

  private static Map<String, String> decisions(ChangeSelection change) {
    Map<String, String> out = new LinkedHashMap<>();
    change
        .decisions()
        .forEach((id, d) -> out.put(id, (d.selected() ? "selected: " : "left out: ") + d.reason()));
    return out;
  }
}
