package io.segmented.engine.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.segmented.manifest.Interpolator;
import io.segmented.manifest.Manifest;
import io.segmented.manifest.ManifestLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TestFilterTest {

  @TempDir Path dir;

  @Test
  void simpleNamesMatchInAnyPackageAndQualifiedOnesTheWholeName() {
    TestFilter f = TestFilter.parse("OrderIT, com.acme.pay.**.*IT", null, null);
    assertTrue(f.mayRun("com.acme.orders.OrderIT"));
    assertTrue(f.mayRun("OrderIT"));
    assertFalse(f.mayRun("com.acme.orders.OrderITCase"));
    assertTrue(f.mayRun("com.acme.pay.PaymentIT"));
    assertTrue(f.mayRun("com.acme.pay.card.CardIT"));
    assertFalse(f.mayRun("com.acme.other.CardIT"));
    assertTrue(
        TestFilter.parse("com/acme/orders/OrderIT.java", "", "").mayRun("com.acme.orders.OrderIT"));
  }

  @Test
  void partOfThePackageMatchesFromAPackageBoundaryAndNestedClassesRunWithTheirOuterClass() {
    TestFilter f = TestFilter.parse("orders/OrderIT,web.*IT$Pages", null, null);
    assertTrue(f.mayRun("com.acme.orders.OrderIT"));
    assertFalse(f.mayRun("com.acme.backorders.OrderIT"), "from a package boundary only");
    assertTrue(f.mayRun("com.acme.web.SiteIT"), "its nested class Pages runs with it");
    assertTrue("com.acme.web.SiteIT$Pages".matches(f.patterns().get(1).classRegex()));
    assertFalse("com.acme.web.SiteIT".matches(f.patterns().get(1).classRegex()));
  }

  @Test
  void onlyAWholeClassExclusionKeepsAClassFromRunning() {
    TestFilter f = TestFilter.parse("!SlowIT,!OrderIT#cancels*", null, null);
    assertFalse(f.mayRun("a.SlowIT"));
    assertTrue(f.mayRun("a.OrderIT"), "some methods of OrderIT still run");
    assertTrue(f.mayRun("a.OtherIT"), "with only exclusions, everything else runs");
  }

  @Test
  void theLauncherGetsRegexesWithMethodAlternatives() {
    TestFilter f = TestFilter.parse("Order*IT#creates*+lists?", "fast, db | slow", "flaky");
    List<String> args = f.launcherArgs();
    assertEquals(
        List.of(
            "--test", "--groups", "fast", "--groups", "db | slow", "--excluded-groups", "flaky"),
        List.of(
            args.get(0),
            args.get(2),
            args.get(3),
            args.get(4),
            args.get(5),
            args.get(6),
            args.get(7)));
    String[] test = args.get(1).split("#");
    assertTrue("com.x.OrderServiceIT".matches(test[0]));
    assertTrue("createsTwo".matches(test[1]));
    assertTrue("com.x.OrderServiceIT".matches(f.patterns().get(0).classRegex()));
    assertTrue("createsTwo".matches(f.patterns().get(0).methodRegex()));
    assertTrue("listsA".matches(f.patterns().get(0).methodRegex()));
    assertFalse("listsAll".matches(f.patterns().get(0).methodRegex()));
    assertEquals(
        "-Dit.test=Order*IT#creates*+lists? -Dgroups=fast, db | slow -DexcludedGroups=flaky",
        f.describe());
  }

  @Test
  void nothingGivenIsInactiveAndRegexPatternsAreRefused() {
    assertFalse(TestFilter.parse(null, " ", null).active());
    assertTrue(TestFilter.parse(null, "fast", null).active());
    assertTrue(TestFilter.parse(null, "fast", null).picksSome());
    assertTrue(TestFilter.parse("!SlowIT", null, "slow").active());
    assertFalse(TestFilter.parse("!SlowIT", null, "slow").picksSome(), "only leaves some out");
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> TestFilter.parse("%regex[.*IT]", null, null));
    assertTrue(
        e.getMessage()
            .startsWith("-Dit.test=%regex[.*IT]: %regex[] and %ant[] patterns are not supported"),
        e.getMessage());
  }

  @Test
  void segmentsNoneOfWhoseClassesMatchAreLeftOutTagOnlyOnesStay() throws Exception {
    Path file = dir.resolve("segments.yaml");
    Files.writeString(
        file,
        """
        version: 1
        segments:
          orders:
            boundary: {between: [app, db], tests: {classes: ["**.orders.*IT"]}}
          payments:
            boundary: {between: [app, pay], tests: {packages: [com.acme.pay]}}
          tagged:
            boundary: {between: [app, x], tests: {tags: [x]}}
          provider:
            boundary: {between: [app, y], tests: {classes: ["**.NoSuchIT"]}}
        """);
    Manifest manifest = new ManifestLoader(Interpolator.of(dir, Map.of(), Map.of())).load(file);
    Path classes = dir.resolve("classes");
    for (String c : List.of("com/acme/orders/OrderIT", "com/acme/pay/PaymentIT")) {
      Files.createDirectories(classes.resolve(c).getParent());
      Files.write(classes.resolve(c + ".class"), new byte[0]);
    }
    Selection narrowed =
        TestFilter.parse("OrderIT#creates*", null, null).narrow(Selection.ALL, manifest, classes);
    assertEquals(
        Map.of(
            "payments",
            Decision.leftOut(
                Selector.TEST_FILTER,
                "none of its test classes matches -Dit.test=OrderIT#creates*"),
            "provider",
            Decision.leftOut(
                Selector.TEST_FILTER,
                "none of its test classes matches -Dit.test=OrderIT#creates*")),
        narrowed.leftOut());
    assertEquals(
        Map.of(
            "orders",
            Decision.leftOut(
                Selector.TEST_FILTER, "none of its test classes matches -Dit.test=!OrderIT")),
        TestFilter.parse("!OrderIT", null, null).narrow(Selection.ALL, manifest, classes).leftOut(),
        "with exclusions only, a segment whose selectors pick no class stays: nothing excluded it");
    assertEquals(
        Selection.ALL, TestFilter.parse(null, "x", null).narrow(Selection.ALL, manifest, classes));
  }
}
