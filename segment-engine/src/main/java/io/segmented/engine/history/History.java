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
 * @param starts for each segment, by fixture id, the last {@value #KEEP} times the fixture took to
 *     start when the segment started it itself, oldest first, for the fixtures its last run used.
 *     Kept apart from the runs, so that a developer's runs on leased or shared fixtures ({@code
 *     -Dsegment.keep}, {@code reuse: run}), which record no start, do not push the starts out of
 *     the history; empty in the files of earlier versions, whose runs' measures hold them
 */
public record History(
    Map<String, List<Entry>> segments,
    @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, Map<String, List<Long>>> starts) {

  /** How many runs of a segment, and starts of each of its fixtures, are kept. */
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
    Map<String, Map<String, List<Long>>> startsCopy = new LinkedHashMap<>();
    (starts == null ? Map.<String, Map<String, List<Long>>>of() : starts)
        .forEach(
            (id, byFixture) -> {
              Map<String, List<Long>> fixtures = new LinkedHashMap<>();
              byFixture.forEach((f, ms) -> fixtures.put(f, List.copyOf(ms)));
              startsCopy.put(id, Map.copyOf(fixtures));
            });
    starts = Map.copyOf(startsCopy);
  }

  /** The runs {@code segments} recorded, with the starts their measures hold. */
  public History(Map<String, List<Entry>> segments) {
    this(segments, Map.of());
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
    Map<String, Map<String, List<Long>>> nextStarts = new LinkedHashMap<>(starts);
    for (SegmentResult s : run.segments()) {
      if (s.outcome() == Outcome.SKIPPED) {
        continue;
      }
      Measures measures = Measures.of(s);
      Map<String, List<Long>> byFixture = new LinkedHashMap<>(startsBy(s.id()));
      measures
          .fixtureReadyMillis()
          .forEach(
              (f, ms) -> {
                List<Long> times = new ArrayList<>(byFixture.getOrDefault(f, List.of()));
                times.add(ms);
                byFixture.put(f, lastKept(times));
              });
      // a fixture the segment no longer uses (removed from it, renamed) takes its starts with it
      // (kept even when empty: the starts of the runs' measures are then no longer this segment's)
      byFixture.keySet().retainAll(s.fixtures().stream().map(FixtureResult::id).toList());
      nextStarts.put(s.id(), byFixture);
      List<Entry> entries = new ArrayList<>(next.getOrDefault(s.id(), List.of()));
      entries.add(new Entry(s.outcome(), s.durationMillis(), s.startedAt(), measures));
      next.put(s.id(), lastKept(entries));
    }
    return new History(next, nextStarts);
  }

  private static <T> List<T> lastKept(List<T> values) {
    return values.subList(Math.max(0, values.size() - KEEP), values.size());
  }

  /**
   * The recorded starts of each fixture {@code segmentId} started itself, by fixture id, oldest
   * first: from {@link #starts}, or, in a file of an earlier version, from its runs' measures.
   */
  public Map<String, List<Long>> startsBy(String segmentId) {
    Map<String, List<Long>> kept = starts.get(segmentId);
    return kept != null ? kept : startsIn(segments.getOrDefault(segmentId, List.of()));
  }

  /** The starts {@code runs}' measures hold, by fixture id, oldest first. */
  public static Map<String, List<Long>> startsIn(List<Entry> runs) {
    Map<String, List<Long>> fromRuns = new LinkedHashMap<>();
    for (Entry e : runs) {
      if (e.measures() != null) {
        e.measures()
            .fixtureReadyMillis()
            .forEach((id, ms) -> fromRuns.computeIfAbsent(id, k -> new ArrayList<>()).add(ms));
      }
    }
    return fromRuns;
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
    long slowestStart = usualSlowestStart(segmentId);
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
   * How long {@code segmentId}'s slowest fixture usually takes to start: the largest of the median
   * start times of each fixture it recorded starting ({@link #startsBy}); 0 when it recorded none.
   */
  public long usualSlowestStart(String segmentId) {
    return slowestOf(startsBy(segmentId));
  }

  /** The largest of the median start times in {@code starts}, by fixture; 0 when it is empty. */
  public static long slowestOf(Map<String, List<Long>> starts) {
    return starts.values().stream()
        .filter(ms -> !ms.isEmpty())
        .mapToLong(History::median)
        .max()
        .orElse(0);
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
