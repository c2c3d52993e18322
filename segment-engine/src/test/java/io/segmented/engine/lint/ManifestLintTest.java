package io.segmented.engine.lint;

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

class ManifestLintTest {

  @TempDir Path dir;

  private Manifest manifest(String yaml) throws Exception {
    Path file = dir.resolve("segments.yaml");
    Files.writeString(file, yaml);
    return new ManifestLoader(Interpolator.of(dir, Map.of(), Map.of())).load(file);
  }

  private Path classes(String... names) throws Exception {
    Path root = dir.resolve("test-classes");
    for (String name : names) {
      Path f = root.resolve(name.replace('.', '/') + ".class");
      Files.createDirectories(f.getParent());
      Files.write(f, new byte[0]);
    }
    return root;
  }

  @Test
  void findsOrphanTestsDoubleSelectionsEmptySegmentsAndUnusedFixtures() throws Exception {
    Manifest m =
        manifest(
            """
            version: 1
            fixtures:
              db: {postgres: {}}
              unused: {redis: {}}
            segments:
              repo:
                boundary: {between: [app, db], tests: {packages: [com.acme.repo]}}
                fixtures: [db]
              all-its:
                boundary: {between: [app, db], tests: {classes: ["com.acme.**IT"], exclude: {classes: ["**.OldIT"]}}}
              nothing:
                boundary: {between: [app, x], tests: {classes: ["org.none.*IT"]}}
            """);
    Path root =
        classes(
            "com.acme.repo.RepoIT",
            "com.acme.repo.RepoIT$Nested",
            "com.acme.web.OldIT",
            "com.acme.web.ITHealth",
            "com.acme.web.PageTest",
            "com.acme.web.ClientITCase");

    assertEquals(
        List.of(
            "fixture 'unused' is declared but no segment uses it. Remove it, or add it to a segment's 'fixtures'",
            "segment 'nothing' selects no compiled test class: classes [org.none.*IT]. Check the selectors under boundary.tests",
            "class com.acme.repo.RepoIT is selected by 2 segments (repo, all-its); it runs once in each. Narrow the selectors if that is not meant",
            "integration test com.acme.web.ClientITCase belongs to no segment, so it never runs. Select it in a segment's boundary.tests",
            "integration test com.acme.web.ITHealth belongs to no segment, so it never runs. Select it in a segment's boundary.tests",
            "integration test com.acme.web.OldIT belongs to no segment, so it never runs. Select it in a segment's boundary.tests"),
        ManifestLint.check(m, root));
  }

  @Test
  void aCleanManifestHasNoFindings() throws Exception {
    Manifest m =
        manifest(
            """
            version: 1
            fixtures:
              db: {postgres: {}}
            segments:
              repo:
                boundary: {between: [app, db], tests: {classes: ["**IT"]}}
                fixtures: [db]
            """);
    assertEquals(List.of(), ManifestLint.check(m, classes("com.acme.RepoIT", "com.acme.UnitTest")));
  }

  @Test
  void aContractThatIsNotOpenApiOrChecksNothingIsFound() throws Exception {
    Files.writeString(dir.resolve("broken.yaml"), "just: text\n");
    Files.writeString(
        dir.resolve("fine.yaml"), "openapi: 3.0.3\ninfo: {title: t, version: '1'}\npaths: {}\n");
    Manifest m =
        manifest(
            """
            version: 1
            fixtures:
              db: {postgres: {}}
              api: {wiremock: {}}
            segments:
              client:
                boundary: {between: [app, api], tests: {classes: ["**ClientIT"]}, contract: {openapi: broken.yaml}}
                fixtures: [api]
              repo:
                boundary: {between: [app, db], tests: {classes: ["**RepoIT"]}, contract: {openapi: fine.yaml}}
                fixtures: [db]
            """);
    List<String> found = ManifestLint.check(m, classes("com.acme.ClientIT", "com.acme.RepoIT"));
    assertEquals(2, found.size(), found.toString());
    assertEquals(
        "segment 'client': contract broken.yaml is not an OpenAPI 3 document: attribute openapi is"
            + " missing. Check it with an OpenAPI editor",
        found.get(0));
    assertEquals(
        "segment 'repo' has contract fine.yaml, but no wiremock fixture and no process or container"
            + " fixture named in 'between', so nothing is checked against it. Use a double or name"
            + " the provider in 'between'",
        found.get(1));
  }

  @Test
  void aProviderSegmentNeedsNoTestClassButAConsumerSegmentDoes() throws Exception {
    Files.writeString(
        dir.resolve("api.yaml"), "openapi: 3.0.3\ninfo: {title: t, version: '1'}\npaths: {}\n");
    Manifest m =
        manifest(
            """
            version: 1
            fixtures:
              pricing: {process: {command: [java, -jar, pricing.jar], ports: [http]}}
              double: {wiremock: {}}
            segments:
              provider:
                boundary: {between: [shop, pricing], tests: {classes: ["**NoSuchIT"]}, contract: {openapi: api.yaml}}
                fixtures: [pricing]
              consumer:
                boundary: {between: [shop, double], tests: {classes: ["**NoSuchIT"]}, contract: {openapi: api.yaml}}
                fixtures: [double]
            """);
    assertEquals(
        List.of(
            "segment 'consumer' selects no compiled test class: classes [**NoSuchIT]. Check the"
                + " selectors under boundary.tests"),
        ManifestLint.check(m, classes("com.acme.UnitTest")));
  }
}
