package io.segmented.engine.advice;

import io.segmented.engine.fixture.Kinds;
import io.segmented.manifest.FixtureKind;
import io.segmented.manifest.FixtureSpec;
import io.segmented.manifest.Manifest;
import io.segmented.manifest.Reuse;
import io.segmented.manifest.SegmentSpec;
import io.segmented.results.FixtureResult;
import io.segmented.results.Outcome;
import io.segmented.results.RunResult;
import io.segmented.results.SegmentResult;
import io.segmented.results.TestOutcome;
import io.segmented.results.TestResult;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Advice on cutting segments, from a run's measurements: segments whose fixed cost (fixture start,
 * test JVM) dwarfs their test bodies while another segment starts the same fixtures (merge them);
 * fixtures that several segments start anew with identical settings ({@code reuse: run}); segments
 * that ran no test, or only skipped ones. Advice never fails a run by itself.
 */
public final class Advisor {

  /** A segment whose fixed cost is this many times its test bodies' is worth merging. */
  static final int FIXED_COST_FACTOR = 3;

  /** Below this much fixed cost no merge is worth the segment's clarity. */
  static final long MIN_FIXED_MILLIS = 1000;

  private Advisor() {}

  /**
   * The advice for the segments of {@code run}, declared in {@code manifest}; most saving first.
   */
  public static List<Advice> of(Manifest manifest, RunResult run) {
    List<SegmentResult> ran =
        run.segments().stream()
            .filter(s -> s.outcome() != Outcome.SKIPPED)
            .filter(s -> manifest.segments().containsKey(s.id()))
            .toList();
    List<Advice> advice = new ArrayList<>();
    advice.addAll(merges(manifest, ran));
    advice.addAll(sharedFixtures(manifest, ran));
    advice.sort(Comparator.comparingLong(Advice::savesMillis).reversed());
    for (SegmentResult s : ran) {
      if (s.tests().isEmpty()) {
        advice.add(
            new Advice(
                Advice.Kind.NO_TESTS,
                List.of(s.id()),
                "",
                0,
                "segment '"
                    + s.id()
                    + "' ran no test: its boundary's tests select none of the module's test"
                    + " classes. Remove the segment, or make its tests selectors match"));
      } else if (s.tests().stream().allMatch(t -> t.outcome() == TestOutcome.SKIPPED)) {
        advice.add(
            new Advice(
                Advice.Kind.ONLY_SKIPPED,
                List.of(s.id()),
                "",
                0,
                "segment '"
                    + s.id()
                    + "' ran only skipped tests ("
                    + s.tests().size()
                    + "), so its fixtures and test JVM started for nothing. Remove the segment, or enable its"
                    + " tests"));
      }
    }
    return advice;
  }

  /** What a segment spends besides its test bodies: fixture start, data, JVM start, teardown. */
  static long fixedMillis(SegmentResult s) {
    long bodies = s.tests().stream().mapToLong(TestResult::durationMillis).sum();
    return Math.max(0, s.durationMillis() - bodies);
  }

  private static List<Advice> merges(Manifest manifest, List<SegmentResult> ran) {
    List<Advice> advice = new ArrayList<>();
    for (SegmentResult s : ran) {
      List<String> fixtures = manifest.segments().get(s.id()).fixtureIds();
      long bodies = s.tests().stream().mapToLong(TestResult::durationMillis).sum();
      long fixed = fixedMillis(s);
      if (fixtures.isEmpty()
          || s.tests().isEmpty()
          || fixed < MIN_FIXED_MILLIS
          || fixed < FIXED_COST_FACTOR * bodies) {
        continue;
      }
      Optional<SegmentResult> partner =
          ran.stream()
              .filter(o -> !o.id().equals(s.id()))
              .filter(
                  o ->
                      new HashSet<>(manifest.segments().get(o.id()).fixtureIds())
                          .containsAll(fixtures))
              .findFirst();
      partner.ifPresent(
          o ->
              advice.add(
                  new Advice(
                      Advice.Kind.MERGE,
                      List.of(s.id(), o.id()),
                      "",
                      fixed,
                      "segment '"
                          + s.id()
                          + "' spends "
                          + seconds(fixed)
                          + " on fixed cost (fixture start, test JVM) for "
                          + seconds(bodies)
                          + " of tests, and segment '"
                          + o.id()
                          + "' starts the same fixtures ("
                          + String.join(", ", fixtures)
                          + "): merging '"
                          + s.id()
                          + "' into '"
                          + o.id()
                          + "' (its tests selectors into that boundary) would save about "
                          + seconds(fixed))));
    }
    return advice;
  }

  private static List<Advice> sharedFixtures(Manifest manifest, List<SegmentResult> ran) {
    // Fixtures each segment starts anew, grouped by identical settings: one fixture id used by
    // several segments, or several ids declaring the same thing.
    Map<FixtureKind, List<String>> idsBySettings = new LinkedHashMap<>();
    Map<String, List<String>> segmentsByFixture = new LinkedHashMap<>();
    Map<String, List<Long>> startsByFixture = new LinkedHashMap<>();
    for (SegmentResult s : ran) {
      SegmentSpec spec = manifest.segments().get(s.id());
      for (String id : spec.fixtureIds()) {
        FixtureSpec f = manifest.fixture(id);
        if (f.reuse() != Reuse.SEGMENT || !Kinds.of(f.kind()).sharedByRun()) {
          continue;
        }
        List<String> ids = idsBySettings.computeIfAbsent(f.kind(), k -> new ArrayList<>());
        if (!ids.contains(id)) {
          ids.add(id);
        }
        segmentsByFixture.computeIfAbsent(id, k -> new ArrayList<>()).add(s.id());
        s.fixtures().stream()
            .filter(r -> r.id().equals(id))
            .map(FixtureResult::startMillis)
            .forEach(ms -> startsByFixture.computeIfAbsent(id, k -> new ArrayList<>()).add(ms));
      }
    }
    List<Advice> advice = new ArrayList<>();
    for (List<String> ids : idsBySettings.values()) {
      List<String> segments = new ArrayList<>();
      List<Long> starts = new ArrayList<>();
      Set<String> seen = new HashSet<>();
      for (String id : ids) {
        segmentsByFixture.get(id).stream().filter(seen::add).forEach(segments::add);
        starts.addAll(startsByFixture.getOrDefault(id, List.of()));
      }
      if (segments.size() < 2) {
        continue;
      }
      long mean =
          starts.isEmpty() ? 0 : starts.stream().mapToLong(Long::longValue).sum() / starts.size();
      long saves = mean * (segments.size() - 1);
      String what =
          ids.size() == 1
              ? "fixture '" + ids.get(0) + "' is started anew by " + segments.size() + " segments"
              : "fixtures '"
                  + String.join("', '", ids)
                  + "' have identical settings and are started by "
                  + segments.size()
                  + " segments";
      advice.add(
          new Advice(
              Advice.Kind.SHARE_FIXTURE,
              segments,
              ids.get(0),
              saves,
              what
                  + " ("
                  + String.join(", ", segments)
                  + "), "
                  + seconds(mean)
                  + " to ready each: "
                  + (ids.size() == 1 ? "'reuse: run' on it" : "one fixture with 'reuse: run'")
                  + " starts it once for the run, each segment still with data of its own, and"
                  + " would save about "
                  + seconds(saves)
                  + ". Keep them apart if a segment needs the server to itself"));
    }
    return advice;
  }

  private static String seconds(long millis) {
    return String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
  }
}
