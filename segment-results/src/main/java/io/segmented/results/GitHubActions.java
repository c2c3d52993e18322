package io.segmented.results;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A run as GitHub Actions shows it: a Markdown step summary (a row per boundary, each failure with
 * its first line), and workflow commands ({@code ::error file=…,line=…::…}) that annotate the lines
 * of a pull request's diff where a test failed or the manifest is wrong. Plain text in, plain text
 * out: the caller decides where it goes.
 */
public final class GitHubActions {

  /**
   * One {@code ::error} annotation.
   *
   * @param file the file it points at, relative to the repository's root; empty for none
   * @param line its line, from 1; 0 for none
   * @param column its column, from 1; 0 for none
   * @param title the annotation's title
   * @param message what is wrong; may span lines
   */
  public record Annotation(String file, int line, int column, String title, String message) {}

  private GitHubActions() {}

  /**
   * The step summary of {@code run}: a heading, a table with a row per boundary (its segments,
   * outcome, test counts and time), the failures with their first line, the advice on cutting the
   * segments, and where the full report is.
   *
   * @param report where the HTML report is, as the reader should look for it
   */
  public static String stepSummary(RunResult run, String report) {
    StringBuilder md = new StringBuilder();
    RunResult.Totals totals = run.totals();
    md.append("### Segments of ")
        .append(cell(run.module()))
        .append(": ")
        .append(
            totals.failedSegments() == 0
                ? "no segment failed"
                : totals.failedSegments() + " of " + totals.segments() + " segments failed")
        .append("\n\n");
    md.append("| | Boundary | Segments | Outcome | Tests | Failed | Skipped | Time |\n");
    md.append("|---|---|---|---|--:|--:|--:|--:|\n");
    for (BoundarySummary boundary : BoundarySummary.of(run)) {
      md.append("| ")
          .append(icon(boundary.outcome()))
          .append(" | ")
          .append(cell(boundary.label()))
          .append(" | ")
          .append(
              String.join(", ", boundary.segments().stream().map(s -> "`" + s.id() + "`").toList()))
          .append(" | ")
          .append(boundary.outcome().label())
          .append(" | ")
          .append(boundary.tests())
          .append(" | ")
          .append(boundary.failed())
          .append(" | ")
          .append(boundary.skipped())
          .append(" | ")
          .append(seconds(boundary.millis()))
          .append(" |\n");
    }
    List<String> failures = failureLines(run);
    if (!failures.isEmpty()) {
      md.append("\n**Failures**\n\n");
      failures.forEach(f -> md.append("- ").append(f).append('\n'));
    }
    if (!run.advice().isEmpty()) {
      md.append("\n**Advice on cutting segments**\n\n");
      run.advice()
          .forEach(
              a ->
                  md.append("- ")
                      .append(a.kind().label())
                      .append(": ")
                      .append(cell(a.text()))
                      .append('\n'));
    }
    md.append("\nThe full report (timeline, boundary graph, logs): `")
        .append(report)
        .append("`\n\n");
    return md.toString();
  }

  /**
   * An annotation for each failure of {@code run}: a failed test at the line of its class where it
   * failed, when {@code testSource} finds the class's source; a segment that failed for another
   * reason (a fixture, a timeout, a crash) at the manifest.
   *
   * @param testSource a test class's source file relative to the repository's root, if it has one
   * @param manifest the manifest, relative to the repository's root
   */
  public static List<Annotation> failures(
      RunResult run, Function<String, Optional<String>> testSource, String manifest) {
    List<Annotation> annotations = new ArrayList<>();
    for (SegmentResult s : run.segments()) {
      if (!s.outcome().failsBuild()) {
        continue;
      }
      String segment = "segment '" + s.id() + "' (" + s.boundaryLabel() + ")";
      List<TestResult> failed = s.failures();
      if (failed.isEmpty()) {
        annotations.add(
            new Annotation(
                manifest,
                0,
                0,
                segment + ": " + s.outcome().label(),
                s.message().isBlank() ? s.outcome().label() : s.message().strip()));
      }
      for (TestResult t : failed) {
        Optional<String> source = testSource.apply(t.className());
        annotations.add(
            new Annotation(
                source.orElse(""),
                source.isPresent() ? lineOf(t) : 0,
                0,
                segment + ": " + t.className() + "." + t.name(),
                t.message().isBlank() ? t.type() : t.message().strip()));
      }
    }
    return annotations;
  }

  /** {@code annotation} as the workflow command that shows it: {@code ::error file=…::…}. */
  public static String errorCommand(Annotation annotation) {
    List<String> properties = new ArrayList<>();
    if (!annotation.file().isEmpty()) {
      properties.add("file=" + property(annotation.file()));
      if (annotation.line() > 0) {
        properties.add("line=" + annotation.line());
      }
      if (annotation.column() > 0) {
        properties.add("col=" + annotation.column());
      }
    }
    properties.add("title=" + property(annotation.title()));
    return "::error " + String.join(",", properties) + "::" + data(annotation.message());
  }

  /** The line of the test's own class where it failed, from its stack trace; 0 if none. */
  static int lineOf(TestResult test) {
    String outer = test.className().replaceAll("\\$.*", "");
    Matcher frame =
        Pattern.compile(
                "\\bat "
                    + Pattern.quote(outer)
                    + "[.$][^(\\s]*\\("
                    + Pattern.quote(outer.substring(outer.lastIndexOf('.') + 1))
                    + "\\.java:(\\d+)\\)")
            .matcher(test.stackTrace());
    return frame.find() ? Integer.parseInt(frame.group(1)) : 0;
  }

  private static List<String> failureLines(RunResult run) {
    List<String> lines = new ArrayList<>();
    for (SegmentResult s : run.segments()) {
      if (!s.outcome().failsBuild()) {
        continue;
      }
      String segment = "`" + s.id() + "` (" + cell(s.boundaryLabel()) + ")";
      if (s.failures().isEmpty()) {
        lines.add(
            segment
                + " "
                + s.outcome().label()
                + (s.message().isBlank()
                    ? ""
                    : ": " + cell(BoundarySummary.firstLine(s.message()))));
      }
      for (TestResult t : s.failures()) {
        lines.add(
            segment
                + " `"
                + t.className()
                + "."
                + t.name()
                + "`: "
                + cell(BoundarySummary.firstLine(t.message().isBlank() ? t.type() : t.message())));
      }
    }
    return lines;
  }

  private static String icon(Outcome outcome) {
    return switch (outcome) {
      case PASSED -> "\u2714";
      case FLAKY -> "\u26a0";
      case SKIPPED -> "\u25cb";
      default -> "\u2718";
    };
  }

  private static String seconds(long millis) {
    return String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
  }

  /** Text safe in a Markdown table cell: one line, no column break. */
  private static String cell(String text) {
    return text.replace("\r", "").replace("\n", " ").replace("|", "\\|");
  }

  private static String data(String text) {
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
  }

  private static String property(String text) {
    return data(text).replace(":", "%3A").replace(",", "%2C");
  }
}
