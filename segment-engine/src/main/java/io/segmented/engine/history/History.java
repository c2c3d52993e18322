package io.segmented.engine.history;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.segmented.results.AtomicFiles;
import io.segmented.results.FixtureResult;
import io.segmented.results.Outcome;
import io.segmented.results.RunResult;
import io.segmented.results.SegmentResult;
import io.segmented.results.SegmentTrend;
import io.segmented.results.TestOutcome;
import io.segmented.results.TestResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * The last outcomes and durations of each segment, kept across runs in one file that CI can cache:
 * shards are balanced by its durations, and the report shows each segment's recent failure rate.
 *
 * @param segments the last {@value #KEEP} runs of each segment, oldest first
 */
public record History(Map<String, List<Entry>> segments) {

  /** How many runs of a segment are kept. */
  public static final int KEEP = 20;

  private static final ObjectMapper JSON =
      new ObjectMapper()
          .enable(SerializationFeature.INDENT_OUTPUT)
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  /**
   * One run of one segment.
   *
   * @param outcome how it ended
   * @param durationMillis its wall time
   * @param startedAt when, ISO-8601
   * @param measures what else it measured, for advice on cutting segments; null in the entries of
   *     earlier versions, which did not record it
   */
  public record Entry(
      Outcome outcome,
      long durationMillis,
      String startedAt,
      @JsonInclude(JsonInclude.Include.NON_NULL) Measures measures) {

    /** A run whose measures are not known. */
    public Entry(Outcome outcome, long durationMillis, String startedAt) {
      this(outcome, durationMillis, startedAt, null);
    }
  }

  /**
   * What one run of a segment measured besides its wall time.
   *
   * @param tests how many tests it recorded, of every outcome
   * @param skipped how many of them were skipped
   * @param testMillis the tests' own time, summed: the rest of the wall time is fixed cost
   * @param fixtureReadyMillis how long each fixture the segment started itself took until it was
   *     ready, by id: not one the run shared, nor one leased from an earlier build, whose times are
   *     a wait, not a start
   * @param fixturesMillis how long the segment waited for its fixtures, from its start; null in the
   *     entries of earlier versions
   */
  public record Measures(
      int tests,
      int skipped,
      long testMillis,
      Map<String, Long> fixtureReadyMillis,
      @JsonInclude(JsonInclude.Include.NON_NULL) Long fixturesMillis) {

    public Measures {
      fixtureReadyMillis = fixtureReadyMillis == null ? Map.of() : Map.copyOf(fixtureReadyMillis);
    }

    /** Measures whose fixture wait is not known, as earlier versions wrote them. */
    public Measures(int tests, int skipped, long testMillis, Map<String, Long> fixtureReadyMillis) {
      this(tests, skipped, testMillis, fixtureReadyMillis, null);
    }

    /** What {@code segment} measured. */
    public static Measures of(SegmentResult segment) {
      Map<String, Long> ready = new LinkedHashMap<>();
      for (FixtureResult f : segment.fixtures()) {
        if (f.startedByItsSegment()) {
          ready.put(f.id(), f.startMillis());
        }
      }
      return new Measures(
          segment.tests().size(),
          (int) segment.tests().stream().filter(t -> t.outcome() == TestOutcome.SKIPPED).count(),
          segment.tests().stream().mapToLong(TestResult::durationMillis).sum(),
          ready,
          segment.fixturesMillis());
    }
  }

  public History {
    Map<String, List<Entry>> copy = new LinkedHashMap<>();
    (segments == null ? Map.<String, List<Entry>>of() : segments)
        .forEach((id, entries) -> copy.put(id, List.copyOf(entries)));
    segments = Map.copyOf(copy);
  }

  /** No runs yet. */
  public static History empty() {
    return new History(Map.of());
  }

  /**
   * The history in {@code file}; empty when there is none yet.
   *
   * @throws IOException when the file is there but cannot be read as a history
   */
  public static History read(Path file) throws IOException {
    if (!Files.exists(file)) {
      return empty();
    }
    try {
      return JSON.readValue(file.toFile(), History.class);
    } catch (IOException e) {
      throw new IOException(
          "the segment history "
              + file
              + " cannot be read ("
              + e.getMessage().lines().findFirst().orElse("")
              + "). Delete it: the next run starts a new one",
          e);
    }
  }

  /** This history with the segments {@code run} ran (not the SKIPPED ones) added. */
  public History with(RunResult run) {
    Map<String, List<Entry>> next = new LinkedHashMap<>(segments);
    for (SegmentResult s : run.segments()) {
      if (s.outcome() == Outcome.SKIPPED) {
        continue;
      }
      List<Entry> entries = new ArrayList<>(next.getOrDefault(s.id(), List.of()));
      entries.add(new Entry(s.outcome(), s.durationMillis(), s.startedAt(), Measures.of(s)));
      next.put(s.id(), entries.subList(Math.max(0, entries.size() - KEEP), entries.size()));
    }
    return new History(next);
  }

  /** Writes it to {@code file}, atomically. */
  public void write(Path file) throws IOException {
    Path dir = file.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    AtomicFiles.write(file.toAbsolutePath(), JSON.writeValueAsBytes(this));
  }

  /**
   * How long the segment holds its lane when it starts its own fixtures, from its recorded runs:
   * the median of their wall times, where a run that waited less for its fixtures than its slowest
   * fixture's usual start (the median of the starts recorded) counts as having waited that long.
   * Such a run leased its fixtures from an earlier build ({@code -Dsegment.keep}), shared them with
   * other segments ({@code reuse: run}) or had them started while Maven compiled; the next run may
   * well pay the start. The median, not the mean: a one-off slow run (an image pulled, class-data
   * archives made) says little of the next. A run recorded without measures counts as its wall
   * time. Empty when it has no runs.
   */
  public OptionalLong expectedMillis(String segmentId) {
    List<Entry> entries = segments.getOrDefault(segmentId, List.of());
    if (entries.isEmpty()) {
      return OptionalLong.empty();
    }
    long slowestStart = usualSlowestStart(entries);
    return OptionalLong.of(
        median(entries.stream().map(e -> asIfStarted(e, slowestStart)).toList()));
  }

  /**
   * {@code run}'s wall time had its segment started its own fixtures: its wait for them at least
   * {@code usualStart}, the segment's {@link #usualSlowestStart}. An entry of an earlier version,
   * which did not record the wait, counts as at least its tests' own time plus {@code usualStart};
   * one without measures as its wall time.
   */
  public static long asIfStarted(Entry run, long usualStart) {
    Measures m = run.measures();
    if (m == null) {
      return run.durationMillis();
    }
    if (m.fixturesMillis() == null) {
      return Math.max(run.durationMillis(), m.testMillis() + usualStart);
    }
    long waited = Math.max(0, m.fixturesMillis());
    return run.durationMillis() - waited + Math.max(waited, usualStart);
  }

  /**
   * How long a segment's slowest fixture usually takes to start: the largest of the median start
   * times of each fixture {@code runs} recorded starting; 0 when they recorded none.
   */
  public static long usualSlowestStart(List<Entry> runs) {
    Map<String, List<Long>> starts = new LinkedHashMap<>();
    for (Entry e : runs) {
      if (e.measures() != null) {
        e.measures()
            .fixtureReadyMillis()
            .forEach((id, ms) -> starts.computeIfAbsent(id, k -> new ArrayList<>()).add(ms));
      }
    }
    return starts.values().stream().mapToLong(History::median).max().orElse(0);
  }

  private static long median(List<Long> values) {
    List<Long> sorted = values.stream().sorted().toList();
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }

  /** Whether the segment's last recorded run failed the build. */
  public boolean failedLastTime(String segmentId) {
    List<Entry> entries = segments.getOrDefault(segmentId, List.of());
    return !entries.isEmpty() && entries.get(entries.size() - 1).outcome().failsBuild();
  }

  /** What the report shows of a segment's recent runs; empty when it has none. */
  public SegmentTrend trend(String segmentId) {
    List<Entry> entries = segments.getOrDefault(segmentId, List.of());
    int failed = (int) entries.stream().filter(e -> e.outcome().failsBuild()).count();
    int flaky = (int) entries.stream().filter(e -> e.outcome() == Outcome.FLAKY).count();
    return new SegmentTrend(
        entries.size(), failed, flaky, entries.stream().map(e -> e.outcome().name()).toList());
  }
}
