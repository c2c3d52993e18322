package io.segmented.results;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Writes failsafe-compatible JUnit XML: one {@code TEST-<segment>.<class>.xml} per segment and test
 * class, in the shape of surefire's test-report schema, so that CI servers and the surefire report
 * plugin read it.
 */
public final class JUnitXmlWriter {

  private JUnitXmlWriter() {}

  /** Writes the files of one segment; returns them. */
  public static List<Path> write(Path reportsDir, SegmentResult segment) {
    Map<String, List<TestResult>> byClass = new LinkedHashMap<>();
    for (TestResult t : segment.tests()) {
      byClass.computeIfAbsent(t.className(), k -> new ArrayList<>()).add(t);
    }
    List<Path> written = new ArrayList<>();
    try {
      Files.createDirectories(reportsDir);
      for (Map.Entry<String, List<TestResult>> e : byClass.entrySet()) {
        Path file =
            reportsDir.resolve("TEST-" + segment.id() + "." + fileSafe(e.getKey()) + ".xml");
        ResultsFiles.writeAtomically(file, suite(segment, e.getKey(), e.getValue()));
        written.add(file);
      }
      if (segment.outcome().failsBuild() && segment.failures().isEmpty()) {
        Path file = reportsDir.resolve("TEST-" + segment.id() + ".xml");
        ResultsFiles.writeAtomically(file, segmentError(segment));
        written.add(file);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write JUnit XML to " + reportsDir, e);
    }
    return written;
  }

  /**
   * A segment that failed without a failed test (a fixture did not start, the JVM died, it timed
   * out, it selected no test) is one errored test case named after the segment, so that a CI server
   * reading only JUnit XML sees it.
   */
  static byte[] segmentError(SegmentResult segment) {
    String name = "segment." + segment.id();
    return suite(
        segment,
        name,
        List.of(
            new TestResult(
                name,
                segment.outcome().label(),
                TestOutcome.ERROR,
                segment.durationMillis(),
                segment.message(),
                segment.outcome().label(),
                segment.message())));
  }

  static byte[] suite(SegmentResult segment, String className, List<TestResult> tests) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try {
      XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(bytes, "UTF-8");
      xml.writeStartDocument("UTF-8", "1.0");
      xml.writeCharacters("\n");
      xml.writeStartElement("testsuite");
      xml.writeAttribute("name", className);
      // the class's own time, set-up included, as surefire writes it; the tests' sum without it
      xml.writeAttribute(
          "time",
          seconds(
              segment
                  .classMillis()
                  .getOrDefault(
                      className, tests.stream().mapToLong(TestResult::durationMillis).sum())));
      xml.writeAttribute("tests", String.valueOf(tests.size()));
      xml.writeAttribute("errors", count(tests, TestOutcome.ERROR));
      xml.writeAttribute("skipped", count(tests, TestOutcome.SKIPPED));
      xml.writeAttribute("failures", count(tests, TestOutcome.FAILED));
      xml.writeCharacters("\n  ");
      xml.writeStartElement("properties");
      property(xml, "segment.id", segment.id());
      property(xml, "segment.boundary", segment.boundaryLabel());
      xml.writeCharacters("\n  ");
      xml.writeEndElement();
      for (TestResult t : tests) {
        testcase(xml, t);
      }
      xml.writeCharacters("\n");
      xml.writeEndElement();
      xml.writeCharacters("\n");
      xml.writeEndDocument();
      xml.close();
    } catch (XMLStreamException e) {
      throw new IllegalStateException("cannot write JUnit XML for " + className, e);
    }
    return bytes.toByteArray();
  }

  /**
   * A test case as surefire writes it with reruns: the final failure or error, each earlier failed
   * attempt as {@code rerunFailure}/{@code rerunError} of a test that kept failing or as {@code
   * flakyFailure}/{@code flakyError} of one that passed in the end, in the schema's order.
   */
  private static void testcase(XMLStreamWriter xml, TestResult t) throws XMLStreamException {
    xml.writeCharacters("\n  ");
    xml.writeStartElement("testcase");
    xml.writeAttribute("name", t.name());
    xml.writeAttribute("classname", t.className());
    xml.writeAttribute("time", seconds(t.durationMillis()));
    String earlier = t.outcome() == TestOutcome.FLAKY ? "flaky" : "rerun";
    if (t.outcome() == TestOutcome.FAILED) {
      failure(xml, "failure", t, false);
    }
    attempts(xml, t, TestOutcome.FAILED, earlier + "Failure");
    if (t.outcome() == TestOutcome.SKIPPED) {
      failure(xml, "skipped", t, false);
    }
    if (t.outcome() == TestOutcome.ERROR) {
      failure(xml, "error", t, false);
    }
    attempts(xml, t, TestOutcome.ERROR, earlier + "Error");
    xml.writeEndElement();
  }

  private static void attempts(
      XMLStreamWriter xml, TestResult t, TestOutcome outcome, String element)
      throws XMLStreamException {
    for (TestResult attempt : t.attempts()) {
      if (attempt.outcome() == outcome) {
        failure(xml, element, attempt, true);
      }
    }
  }

  private static void failure(
      XMLStreamWriter xml, String element, TestResult t, boolean traceElement)
      throws XMLStreamException {
    xml.writeCharacters("\n    ");
    xml.writeStartElement(element);
    if (!t.message().isEmpty()) {
      xml.writeAttribute("message", clean(t.message()));
    }
    if (!element.equals("skipped")) {
      xml.writeAttribute("type", t.type().isEmpty() ? t.outcome().name() : t.type());
    }
    if (traceElement) {
      xml.writeStartElement("stackTrace");
      xml.writeCharacters(clean(t.stackTrace()));
      xml.writeEndElement();
    } else {
      xml.writeCharacters(clean(t.stackTrace()));
    }
    xml.writeEndElement();
    xml.writeCharacters("\n  ");
  }

  private static void property(XMLStreamWriter xml, String name, String value)
      throws XMLStreamException {
    xml.writeCharacters("\n    ");
    xml.writeEmptyElement("property");
    xml.writeAttribute("name", name);
    xml.writeAttribute("value", clean(value));
  }

  /** XML 1.0 cannot carry most control characters, which test output sometimes holds. */
  private static String clean(String text) {
    StringBuilder out = new StringBuilder(text.length());
    text.codePoints()
        .forEach(
            c -> {
              boolean allowed =
                  c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c != 0xFFFE && c != 0xFFFF);
              out.appendCodePoint(allowed ? c : '?');
            });
    return out.toString();
  }

  /** Class names of other test engines can hold '/', ':' and the like. */
  private static String fileSafe(String name) {
    return name.replaceAll("[^A-Za-z0-9._$-]", "_");
  }

  private static String count(List<TestResult> tests, TestOutcome outcome) {
    return String.valueOf(tests.stream().filter(t -> t.outcome() == outcome).count());
  }

  private static String seconds(long millis) {
    return String.format(Locale.ROOT, "%.3f", millis / 1000.0);
  }
}
