package io.segmented.maven;

import io.segmented.report.HtmlReport;
import io.segmented.results.Advice;
import io.segmented.results.BoundarySummary;
import io.segmented.results.Outcome;
import io.segmented.results.RunResult;
import io.segmented.results.SegmentResult;
import io.segmented.results.TestResult;
import java.util.Locale;
import org.apache.maven.doxia.sink.Sink;

/**
 * The segments report inside the site's skin, as surefire-report draws its own: the run's totals, a
 * row per boundary (outcome, counts, time, a link to each segment in the full report), the failures
 * with their first line, the advice on cutting the segments, and a link to the full report for the
 * timeline, the boundary graph and the logs. Everything is written through the sink, which escapes
 * it.
 */
final class SiteSummary {

  private final Sink sink;
  private final RunResult run;
  private final String fullReport;
  private final String title;

  /** The level of the section open now: 0 outside any. */
  private int section;

  /**
   * @param fullReport the full report's page, relative to this one
   */
  SiteSummary(Sink sink, RunResult run, String fullReport, String title) {
    this.sink = sink;
    this.run = run;
    this.fullReport = fullReport;
    this.title = title;
  }

  /** Draws the page, from its head to its end, and closes the sink. */
  void render() {
    sink.head();
    sink.title();
    text(title);
    sink.title_();
    sink.head_();
    sink.body();
    renderBody();
    sink.body_();
    sink.flush();
    sink.close();
  }

  private void renderBody() {
    RunResult.Totals t = run.totals();
    startSection(title + " of " + run.module());
    paragraph(
        "Started "
            + HtmlReport.readable(run.startedAt())
            + ", wall time "
            + seconds(run.durationMillis())
            + ", selection "
            + run.selection()
            + ". Segments: "
            + t.segments()
            + ", failed: "
            + t.failedSegments()
            + ". Tests: "
            + t.tests()
            + ", failures: "
            + t.failures()
            + ", errors: "
            + t.errors()
            + ", skipped: "
            + t.skipped()
            + ", flaky: "
            + t.flaky()
            + ".");
    sink.paragraph();
    link(fullReport, "The full report");
    text(
        ": the timeline, the boundary graph, every failure with its stack trace, the fixture logs.");
    sink.paragraph_();

    startSection("Boundaries");
    startTable(
        new int[] {
          Sink.JUSTIFY_LEFT,
          Sink.JUSTIFY_LEFT,
          Sink.JUSTIFY_LEFT,
          Sink.JUSTIFY_RIGHT,
          Sink.JUSTIFY_RIGHT,
          Sink.JUSTIFY_RIGHT,
          Sink.JUSTIFY_RIGHT
        });
    tableHeader(
        new String[] {"Boundary", "Segments", "Outcome", "Tests", "Failed", "Skipped", "Time"});
    for (BoundarySummary b : BoundarySummary.of(run)) {
      sink.tableRow();
      tableCell(b.label());
      sink.tableCell();
      boolean first = true;
      for (SegmentResult s : b.segments()) {
        if (!first) {
          text(", ");
        }
        first = false;
        link(segmentLink(s), s.id());
      }
      sink.tableCell_();
      tableCell(mark(b.outcome()) + " " + b.outcome().label());
      tableCell(Integer.toString(b.tests()));
      tableCell(Integer.toString(b.failed()));
      tableCell(Integer.toString(b.skipped()));
      tableCell(seconds(b.millis()));
      sink.tableRow_();
    }
    endTable();
    endSection();

    if (t.failedSegments() > 0) {
      startSection("Failures");
      sink.list();
      for (SegmentResult s : run.segments()) {
        if (!s.outcome().failsBuild()) {
          continue;
        }
        if (s.failures().isEmpty()) {
          failure(s, s.outcome().label() + ": " + BoundarySummary.firstLine(s.message()));
        }
        for (TestResult test : s.failures()) {
          failure(
              s,
              test.className()
                  + "."
                  + test.name()
                  + ": "
                  + BoundarySummary.firstLine(
                      test.message().isBlank() ? test.type() : test.message()));
        }
      }
      sink.list_();
      endSection();
    }
    if (!run.advice().isEmpty()) {
      startSection("Advice on cutting segments");
      sink.list();
      for (Advice a : run.advice()) {
        sink.listItem();
        text(a.kind().label() + ": " + a.text());
        sink.listItem_();
      }
      sink.list_();
      endSection();
    }
    endSection();
  }

  /** A section and its title, with an anchor of its name as the site's reports have. */
  private void startSection(String name) {
    section++;
    sink.section(section, null);
    sink.sectionTitle(section, null);
    text(name);
    sink.sectionTitle_(section);
    sink.anchor(name.replace(' ', '_'));
    sink.anchor_();
  }

  private void endSection() {
    sink.section_(section);
    section--;
  }

  private void startTable(int[] justification) {
    sink.table();
    sink.tableRows(justification, false);
  }

  private void endTable() {
    sink.tableRows_();
    sink.table_();
  }

  private void tableHeader(String... names) {
    sink.tableRow();
    for (String name : names) {
      sink.tableHeaderCell();
      text(name);
      sink.tableHeaderCell_();
    }
    sink.tableRow_();
  }

  private void tableCell(String text) {
    sink.tableCell();
    text(text);
    sink.tableCell_();
  }

  private void paragraph(String text) {
    sink.paragraph();
    text(text);
    sink.paragraph_();
  }

  private void link(String href, String name) {
    sink.link(href);
    text(name);
    sink.link_();
  }

  /** The sink escapes what it writes; an empty cell shows a dash. */
  private void text(String text) {
    sink.text(text == null || text.isEmpty() ? "-" : text);
  }

  private void failure(SegmentResult s, String what) {
    sink.listItem();
    link(segmentLink(s), s.id());
    text(" (" + s.boundaryLabel() + "): " + what);
    sink.listItem_();
  }

  private String segmentLink(SegmentResult s) {
    return fullReport + "#segment-" + s.id();
  }

  /** A sign beside the outcome's word, so colour is never the only one. */
  private static String mark(Outcome outcome) {
    return switch (outcome) {
      case PASSED -> "\u2714";
      case FLAKY -> "~";
      case SKIPPED -> "\u2013";
      default -> "\u2718";
    };
  }

  private static String seconds(long millis) {
    return String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
  }
}
