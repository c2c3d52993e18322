package io.segmented.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JUnitXmlWriterTest {

  @TempDir Path dir;

  private static SegmentResult segment(Outcome outcome, String message, List<TestResult> tests) {
    return new SegmentResult(
        "orders-db",
        "",
        List.of("orders", "orders-db"),
        outcome,
        message,
        "2026-01-01T00:00:00Z",
        1000,
        400,
        500,
        100,
        List.of(),
        tests);
  }

  /**
   * surefire's own test-report schema, copied from apache/maven-surefire: CI servers read this
   * shape.
   */
  private static void assertValidSurefireReport(Path file) throws Exception {
    Validator validator =
        SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI)
            .newSchema(JUnitXmlWriterTest.class.getResource("/surefire-test-report-3.0.xsd"))
            .newValidator();
    validator.validate(new StreamSource(file.toFile()));
  }

  @Test
  void writesOneValidFilePerClassWithFailuresAndEscapedText() throws Exception {
    List<TestResult> tests =
        List.of(
            new TestResult("com.acme.RepoIT", "saves", TestOutcome.PASSED, 12, "", "", ""),
            new TestResult(
                "com.acme.RepoIT",
                "finds",
                TestOutcome.FAILED,
                30,
                "expected <script>alert(1)</script> & \u0007",
                "org.opentest4j.AssertionFailedError",
                "at com.acme.RepoIT.finds(RepoIT.java:9)"),
            new TestResult(
                "com.acme.ClientIT",
                "calls",
                TestOutcome.ERROR,
                5,
                "boom",
                "java.io.IOException",
                "trace"),
            new TestResult(
                "com.acme.ClientIT", "later", TestOutcome.SKIPPED, 0, "disabled", "", ""));

    List<Path> files = JUnitXmlWriter.write(dir, segment(Outcome.FAILED, "", tests));

    assertEquals(
        List.of(
            dir.resolve("TEST-orders-db.com.acme.RepoIT.xml"),
            dir.resolve("TEST-orders-db.com.acme.ClientIT.xml")),
        files);
    for (Path f : files) {
      assertValidSurefireReport(f);
    }
    String repo = Files.readString(files.get(0));
    assertTrue(repo.contains("tests=\"2\" errors=\"0\" skipped=\"0\" failures=\"1\""), repo);
    assertTrue(
        repo.contains("message=\"expected &lt;script&gt;alert(1)&lt;/script&gt; &amp; ?\""), repo);
    assertTrue(repo.contains("<property name=\"segment.id\" value=\"orders-db\"/>"), repo);
    String client = Files.readString(files.get(1));
    assertTrue(client.contains("errors=\"1\" skipped=\"1\" failures=\"0\""), client);
  }

  @Test
  void aSuitesTimeIsItsClassesOwnTimeWithItsSetUpAndTheTestsSumWhereTheJvmToldNone()
      throws Exception {
    List<TestResult> tests =
        List.of(
            new TestResult("com.acme.ClientIT", "calls", TestOutcome.PASSED, 120, "", "", ""),
            new TestResult("com.acme.ClientIT", "retries", TestOutcome.PASSED, 30, "", "", ""),
            new TestResult("com.acme.RepoIT", "saves", TestOutcome.PASSED, 40, "", "", ""));
    SegmentResult timed =
        new SegmentResult(
            "orders-api",
            "",
            List.of("orders", "payments-api"),
            Outcome.PASSED,
            "",
            "2026-01-01T00:00:00Z",
            2000,
            400,
            0,
            1500,
            100,
            List.of(),
            tests,
            Map.of("com.acme.ClientIT", 655L));

    List<Path> files = JUnitXmlWriter.write(dir, timed);

    String client = Files.readString(files.get(0));
    assertTrue(client.contains("<testsuite name=\"com.acme.ClientIT\" time=\"0.655\""), client);
    assertTrue(
        client.contains("name=\"calls\" classname=\"com.acme.ClientIT\" time=\"0.120\""), client);
    String repo = Files.readString(files.get(1));
    assertTrue(repo.contains("<testsuite name=\"com.acme.RepoIT\" time=\"0.040\""), repo);
    assertValidSurefireReport(files.get(0));
  }

  @Test
  void aSegmentThatFailedWithoutAFailedTestIsAnErroredCase() throws Exception {
    List<Path> files =
        JUnitXmlWriter.write(
            dir,
            segment(
                Outcome.FIXTURE_ERROR,
                "segment 'orders-db': fixture 'db' did not become ready",
                List.of()));

    assertEquals(List.of(dir.resolve("TEST-orders-db.xml")), files);
    assertValidSurefireReport(files.get(0));
    String xml = Files.readString(files.get(0));
    assertTrue(
        xml.contains("<testcase name=\"FIXTURE-ERROR\" classname=\"segment.orders-db\""), xml);
    assertTrue(
        xml.contains(
                "message=\"segment &apos;orders-db&apos;: fixture &apos;db&apos; did not become ready\"")
            || xml.contains("message=\"segment 'orders-db': fixture 'db' did not become ready\""),
        xml);
  }

  @Test
  void aPassingSegmentWritesNoSegmentCase() {
    List<Path> files =
        JUnitXmlWriter.write(
            dir,
            segment(
                Outcome.PASSED,
                "",
                List.of(new TestResult("a.B", "c", TestOutcome.PASSED, 1, "", "", ""))));
    assertEquals(List.of(dir.resolve("TEST-orders-db.a.B.xml")), files);
  }

  @Test
  void aFlakyTestCarriesItsFailedAttemptsAsSurefireDoesAndStillValidates() throws Exception {
    TestResult failedOnce =
        new TestResult(
            "com.acme.PayIT",
            "pays",
            TestOutcome.FAILED,
            7,
            "first try",
            "java.lang.AssertionError",
            "at first");
    TestResult erroredOnce =
        new TestResult(
            "com.acme.PayIT",
            "refunds",
            TestOutcome.ERROR,
            3,
            "reset",
            "java.io.IOException",
            "at io");
    List<TestResult> tests =
        List.of(
            new TestResult(
                "com.acme.PayIT", "pays", TestOutcome.FLAKY, 5, "", "", "", List.of(failedOnce)),
            new TestResult(
                "com.acme.PayIT",
                "refunds",
                TestOutcome.FAILED,
                4,
                "again",
                "java.lang.AssertionError",
                "at again",
                List.of(erroredOnce)));

    Path file = JUnitXmlWriter.write(dir, segment(Outcome.FAILED, "", tests)).get(0);

    assertValidSurefireReport(file);
    String xml = Files.readString(file);
    assertTrue(
        xml.contains(
            "<flakyFailure message=\"first try\" type=\"java.lang.AssertionError\"><stackTrace>at first</stackTrace></flakyFailure>"),
        xml);
    assertTrue(xml.contains("<failure message=\"again\""), xml);
    assertTrue(xml.contains("<rerunError message=\"reset\" type=\"java.io.IOException\">"), xml);
    assertTrue(xml.contains("failures=\"1\""), xml);
  }
}
