package io.segmented.engine.adopt;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.segmented.manifest.Interpolator;
import io.segmented.manifest.Manifest;
import io.segmented.manifest.ManifestLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FailsafeOverlapTest {

  @TempDir Path dir;

  private static final List<String> CLASSES =
      List.of(
          "com.acme.cache.CacheIT",
          "com.acme.db.ITStock",
          "com.acme.db.OrdersIT",
          "com.acme.db.PaymentsIT",
          "com.acme.db.RefundsIT",
          "com.acme.PriceTest");

  private Manifest manifest(String classes) throws Exception {
    Path file = dir.resolve("segments.yaml");
    Files.writeString(
        file,
        """
        version: 1
        segments:
          db:
            boundary:
              between: [db, postgres]
              tests: {classes: [%s]}
            fixtures: []
          tagged:
            boundary:
              between: [all, external]
              tests: {tags: [slow]}
            fixtures: []
        """
            .formatted(classes));
    return new ManifestLoader(Interpolator.of(dir, Map.of(), Map.of())).load(file);
  }

  private static FailsafeConfig failsafe(boolean bound, List<String> excludes) {
    return new FailsafeConfig(
        true,
        bound,
        List.of(),
        excludes,
        "",
        "",
        Map.of(),
        Map.of(),
        "",
        Map.of(),
        Optional.empty());
  }

  @Test
  void warnsWhenFailsafeAndTheSegmentsWouldRunTheSameClasses() throws Exception {
    Optional<String> warning =
        FailsafeOverlap.check(
            failsafe(true, List.of()), true, manifest("\"com.acme.db.*\""), CLASSES);
    assertEquals(
        Optional.of(
            "maven-failsafe-plugin is bound too and runs 4 classes that segments select"
                + " (com.acme.db.ITStock, com.acme.db.OrdersIT, com.acme.db.PaymentsIT and 1 more),"
                + " so `mvn verify` runs them twice. Remove failsafe's <execution>, set"
                + " <skipITs>true</skipITs> in its <configuration>, or exclude these classes in its"
                + " <excludes>"),
        warning);
  }

  @Test
  void oneClassIsNamedAsOne() throws Exception {
    assertEquals(
        Optional.of(
            "maven-failsafe-plugin is bound too and runs 1 class that segments select"
                + " (com.acme.db.OrdersIT), so `mvn verify` runs it twice. Remove failsafe's"
                + " <execution>, set <skipITs>true</skipITs> in its <configuration>, or exclude"
                + " these classes in its <excludes>"),
        FailsafeOverlap.check(
            failsafe(true, List.of()), true, manifest("\"com.acme.db.OrdersIT\""), CLASSES));
  }

  @Test
  void noWarningWhenOnlyOneOfThemRunsOrTheyRunDifferentClasses() throws Exception {
    Manifest m = manifest("\"com.acme.db.*\"");
    assertEquals(
        Optional.empty(), FailsafeOverlap.check(failsafe(false, List.of()), true, m, CLASSES));
    assertEquals(
        Optional.empty(), FailsafeOverlap.check(failsafe(true, List.of()), false, m, CLASSES));
    assertEquals(
        Optional.empty(),
        FailsafeOverlap.check(failsafe(true, List.of("com/acme/db/**")), true, m, CLASSES),
        "failsafe's excludes leave the segments' classes to them");
    assertEquals(
        Optional.empty(),
        FailsafeOverlap.check(
            failsafe(true, List.of()), true, manifest("\"com.acme.PriceTest\""), CLASSES),
        "failsafe does not run PriceTest");
  }
}
