package io.segmented.engine.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.segmented.engine.fork.ClassData;
import io.segmented.engine.fork.OwnClasspath;
import io.segmented.manifest.Interpolator;
import io.segmented.manifest.Manifest;
import io.segmented.manifest.ManifestLoader;
import io.segmented.results.Outcome;
import io.segmented.results.SegmentResult;
import io.segmented.results.TestOutcome;
import io.segmented.results.TestResult;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretsTest {

  @TempDir Path dir;

  private Manifest manifest() throws Exception {
    Files.writeString(
        dir.resolve("segments.yaml"),
        """
        version: 1
        fixtures:
          db:
            postgres: {password: pg-s3cret-1}
          other:
            postgres: {password: pässwörd-ünï}
          api:
            container:
              image: acme/api:1
              env: {API_TOKEN: tok-123456, MODE: verbose-mode}
        segments:
          one:
            boundary: {between: [app, db], tests: {classes: ["*IT"]}}
            fixtures: [db, api, other]
            properties: {stripe.key: sk_live_987654, short.password: abc}
        """);
    return new ManifestLoader(Interpolator.of(dir, Map.of(), Map.of()))
        .load(dir.resolve("segments.yaml"));
  }

  @Test
  void passwordsAndValuesOfSecretNamesAreMaskedInMessagesAndTraces() throws Exception {
    Secrets secrets = Secrets.of(manifest());
    TestResult failed =
        new TestResult(
            "a.B",
            "c",
            TestOutcome.FAILED,
            1,
            "login with pg-s3cret-1 and tok-123456 failed in verbose-mode",
            "java.lang.AssertionError",
            "at sk_live_987654 abc",
            List.of(new TestResult("a.B", "c", TestOutcome.ERROR, 1, "pg-s3cret-1", "", "")));
    SegmentResult result =
        new SegmentResult(
            "one",
            "",
            List.of("app", "db"),
            Outcome.FAILED,
            "segment 'one': tok-123456",
            "t",
            1,
            1,
            1,
            1,
            List.of(),
            List.of(failed));

    SegmentResult masked = secrets.mask(result);

    TestResult t = masked.tests().get(0);
    assertEquals("login with **** and **** failed in verbose-mode", t.message());
    assertEquals("at **** abc", t.stackTrace(), "short values are no secrets worth masking");
    assertEquals("****", t.attempts().get(0).message());
    assertEquals("segment 'one': ****", masked.message());
    assertTrue(Secrets.secretName("spring.datasource.password"));
    assertTrue(!Secrets.secretName("MODE"));
  }

  @Test
  void logFilesAreMaskedAsUtf8SoNonAsciiSecretsAreFoundToo() throws Exception {
    Secrets secrets = Secrets.of(manifest());
    Path logs = Files.createDirectories(dir.resolve("logs"));
    Files.writeString(logs.resolve("test-jvm.log"), "connecting with pässwörd-ünï ✓\n");
    byte[] latin1 = "user pg-s3cret-1 \u00e9t\u00e9\n".getBytes(StandardCharsets.ISO_8859_1);
    Files.write(logs.resolve("latin1.log"), latin1);

    secrets.maskFiles(logs);

    assertEquals(
        "connecting with **** ✓\n",
        Files.readString(logs.resolve("test-jvm.log"), StandardCharsets.UTF_8));
    assertEquals(
        "user **** \u00e9t\u00e9\n",
        Files.readString(logs.resolve("latin1.log"), StandardCharsets.ISO_8859_1),
        "a file that is not UTF-8 is masked byte for byte");
    try (var files = Files.list(logs)) {
      assertEquals(
          List.of("latin1.log", "test-jvm.log"),
          files.map(f -> f.getFileName().toString()).sorted().toList(),
          "replaced whole: nothing written beside them is left");
    }
  }

  @Test
  void classDataArchivesAreNotReadNorRewritten() throws Exception {
    Secrets secrets = Secrets.of(manifest());
    Path work = Files.createDirectories(dir.resolve("segment-work"));
    Path archive =
        Files.writeString(
            Files.createDirectories(work.resolve(ClassData.FOLDER)).resolve("0123.jsa"),
            "bytes that happen to hold pg-s3cret-1\n");
    Path engineArchive =
        Files.writeString(
            Files.createDirectories(
                    work.resolve(OwnClasspath.ENGINE_FOLDER).resolve(ClassData.FOLDER))
                .resolve("4567.jsa"),
            "bytes that happen to hold pg-s3cret-1\n");
    Path events = Files.writeString(work.resolve("events.txt"), "pg-s3cret-1\n");
    Path engineLog =
        Files.writeString(
            work.resolve(OwnClasspath.ENGINE_FOLDER).resolve("engine.log"), "pg-s3cret-1\n");
    // a folder of that name that a test JVM wrote in its segment's working folder is the run's own
    Path testsOwn =
        Files.writeString(
            Files.createDirectories(work.resolve("orders-db").resolve(ClassData.FOLDER))
                .resolve("dump.log"),
            "pg-s3cret-1\n");

    secrets.maskFiles(work);

    assertEquals("****\n", Files.readString(events), "the run's own files are masked");
    assertEquals(
        "bytes that happen to hold pg-s3cret-1\n",
        Files.readString(archive),
        "an archive the JDK maps is left byte for byte");
    assertEquals(
        "bytes that happen to hold pg-s3cret-1\n",
        Files.readString(engineArchive),
        "the engine JVM's archive, in a folder of its own, is left byte for byte too");
    assertEquals("****\n", Files.readString(engineLog), "the engine's own log is masked");
    assertEquals(
        "****\n", Files.readString(testsOwn), "a test's own folder named class-data is masked");
  }
}
