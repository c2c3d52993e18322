package io.segmented.report;

import io.segmented.results.Outcome;
import io.segmented.results.SegmentResult;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The run drawn on a time axis: each segment that ran is a bar from its start to the moment its
 * result was final, in the lane it shared with the segments before and after it, so segments that
 * ran side by side are on different rows. Each bar shows where its time went ({@link Phase}): its
 * fixtures until ready, its data, its tests, and after the bar its teardown, which runs beside the
 * next segment.
 *
 * @param width the picture's width
 * @param height the picture's height
 * @param lanes how many segments ran at once at most
 * @param bars the segments
 * @param ticks the time axis' marks
 */
public record Timeline(int width, int height, int lanes, List<Bar> bars, List<Tick> ticks) {

  static final int LEFT = 70;
  static final int RIGHT = 20;
  static final int ROW = 30;
  static final int TOP = 10;
  static final int WIDTH = 760;

  /**
   * A part of a segment's time: {@code fixtures}, {@code data}, {@code tests} (inside its bar) or
   * {@code teardown} (after it).
   */
  public record Phase(String name, int x, int width, String time) {}

  /** A segment: its lane, where its bar goes, and its phases. */
  public record Bar(
      String segment,
      String outcome,
      int lane,
      int x,
      int y,
      int width,
      String time,
      List<Phase> phases) {

    public Bar {
      phases = List.copyOf(phases);
    }

    /** Where its label goes: inside the bar. */
    public int labelX() {
      return x + 4;
    }

    /**
     * Whether its label fits in the bar (about 7 pixels a character); a bar too short for it keeps
     * its tooltip, and the table below names every segment anyway.
     */
    public boolean labelFits() {
      return width >= 8 + 7 * (segment.length() + 1 + outcome.length());
    }
  }

  /** A mark on the time axis, in seconds since the run started. */
  public record Tick(int x, String label) {}

  /** The timeline of {@code segments}; empty when none ran. */
  public static Timeline of(List<SegmentResult> segments) {
    record Span(SegmentResult segment, long start, long end) {}
    List<Span> spans = new ArrayList<>();
    for (SegmentResult s : segments) {
      if (s.outcome() == Outcome.SKIPPED) {
        continue;
      }
      try {
        long start = Instant.parse(s.startedAt()).toEpochMilli();
        spans.add(new Span(s, start, start + Math.max(1, s.durationMillis())));
      } catch (DateTimeParseException e) {
        // a segment without a start time is left off the timeline
      }
    }
    if (spans.isEmpty()) {
      return new Timeline(WIDTH, 0, 0, List.of(), List.of());
    }
    spans.sort(Comparator.comparingLong(Span::start).thenComparing(sp -> sp.segment().id()));
    long origin = spans.get(0).start();
    long total =
        Math.max(
            1,
            spans.stream()
                    .mapToLong(sp -> sp.end() + Math.max(0, sp.segment().teardownMillis()))
                    .max()
                    .orElse(origin)
                - origin);
    double scale = (WIDTH - LEFT - RIGHT) / (double) total;
    List<Long> laneEnds = new ArrayList<>();
    List<Bar> bars = new ArrayList<>();
    for (Span sp : spans) {
      int lane = 0;
      while (lane < laneEnds.size() && laneEnds.get(lane) > sp.start()) {
        lane++;
      }
      if (lane == laneEnds.size()) {
        laneEnds.add(sp.end());
      } else {
        laneEnds.set(lane, sp.end());
      }
      int x = LEFT + (int) Math.round((sp.start() - origin) * scale);
      int w = Math.max(2, (int) Math.round((sp.end() - sp.start()) * scale));
      bars.add(
          new Bar(
              sp.segment().id(),
              sp.segment().outcome().label(),
              lane + 1,
              x,
              TOP + lane * ROW,
              w,
              seconds(sp.end() - sp.start()),
              phases(sp.segment(), x, w, scale)));
    }
    int lanes = laneEnds.size();
    List<Tick> ticks = new ArrayList<>();
    for (int i = 0; i <= 4; i++) {
      long at = total * i / 4;
      ticks.add(new Tick(LEFT + (int) Math.round(at * scale), seconds(at)));
    }
    return new Timeline(
        WIDTH, TOP + lanes * ROW + 30, lanes, List.copyOf(bars), List.copyOf(ticks));
  }

  /**
   * Fixtures, data and tests one after another from the bar's start, cut at its end; the teardown
   * from its end on. Phases of no time are left out.
   */
  private static List<Phase> phases(SegmentResult s, int x, int width, double scale) {
    List<Phase> phases = new ArrayList<>();
    long[] millis = {s.fixturesMillis(), s.dataMillis(), s.testsMillis()};
    String[] names = {"fixtures", "data", "tests"};
    int at = x;
    for (int i = 0; i < names.length; i++) {
      int w = Math.min(x + width - at, (int) Math.round(Math.max(0, millis[i]) * scale));
      if (w > 0) {
        phases.add(new Phase(names[i], at, w, seconds(millis[i])));
        at += w;
      }
    }
    if (s.teardownMillis() > 0) {
      int w = Math.max(1, (int) Math.round(s.teardownMillis() * scale));
      phases.add(new Phase("teardown", x + width, w, seconds(s.teardownMillis())));
    }
    return phases;
  }

  private static String seconds(long millis) {
    return String.format(Locale.ROOT, "%.1f s", Duration.ofMillis(millis).toMillis() / 1000.0);
  }
}
