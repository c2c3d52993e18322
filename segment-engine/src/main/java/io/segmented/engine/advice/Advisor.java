package io.segmented.engine.advice;

import io.segmented.engine.fixture.Kinds;
import io.segmented.engine.history.History;
import io.segmented.engine.plan.Plan;
import io.segmented.manifest.FixtureKind;
import io.segmented.manifest.FixtureSpec;
import io.segmented.manifest.Manifest;
import io.segmented.manifest.Reuse;
import io.segmented.manifest.SegmentSpec;
import io.segmented.results.Advice;
import io.segmented.results.Outcome;
import io.segmented.results.RunResult;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Advice on cutting segments, from the measured runs of each segment in the history (the run just
 * made among them): segments whose fixed cost (fixture start, test JVM) dwarfs their test bodies
 * while another segment starts the same fixtures (merge them); fixtures that several segments start
 * anew with identical settings ({@code reuse: run}, or keeping them across builds); segments whose
 * last run had no test, or only skipped ones. Times are means over the measured runs. Advice never
 * fails a run by itself.
 */
public final class Advisor {

  /** A segment whose fixed cost is this many times its test bodies' is worth merging. */
  static final int FIXED_COST_FACTOR = 3;

  /** Below this much fixed cost no merge is worth the segment's clarity. */
  static final long MIN_FIXED_MILLIS = 1000;

  /**
   * A fixture ready sooner than this, on average, is not worth sharing: it starts beside the
   * segment's test JVM, which takes about a second to fork, discover and load the tests, so its
   * start is hidden, and a shared server costs each segment a database of its own (a template
   * clone) instead. Measured on the benchmark: PostgreSQL from a seeded snapshot, 0.8 to 1.0 s to
   * ready, gave the same wall time shared ({@code reuse: run}) or not.
   */
  static final long MIN_SHARE_READY_MILLIS = 1500;

  /**
   * The runs that measured a segment: its tests ran to their end, whatever they found. A fixture
   * that did not start, a timeout or a crash measures nothing about how the segment is cut.
   */
  private static final Set<Outcome> MEASURING =
      EnumSet.of(Outcome.PASSED, Outcome.FAILED, Outcome.FLAKY, Outcome.CONTRACT_MISMATCH);

  private Advisor() {}

  /**
   * The advice after {@code run}, a run of {@code plan}: from the plan's history with the run
   * added. None for a run narrowed to some tests, which says little of how the segments are cut.
   */
  public static List<Advice> afterRun(Plan plan, RunResult run) {
    if (plan.testFilter().active()) {
      return List.of();
    }
    return of(plan.request().manifest(), plan.history().with(run));
  }

  /** The advice from the history {@code plan} was made with, as {@code segment:plan} gives it. */
  public static List<Advice> fromHistory(Plan plan) {
    return of(plan.request().manifest(), plan.history());
  }

  /**
   * The advice on cutting {@code manifest}'s segments that the measured runs in {@code history}
   * give: most saving first, then the segments without tests in manifest order. Segments no longer
   * in the manifest, and entries of earlier versions that recorded no measures, are left out.
   */
  public static List<Advice> of(Manifest manifest, History history) {
    Map<String, Measured> measured = new LinkedHashMap<>();
    for (String id : manifest.segments().keySet()) {
      List<History.Entry> runs =
          history.segments().getOrDefault(id, List.of()).stream()
              .filter(e -> e.measures() != null && MEASURING.contains(e.outcome()))
              .toList();
      if (!runs.isEmpty()) {
        // the starts kept apart from the runs; in a file of an earlier version, those of the
        // measured runs
        measured.put(
            id,
            new Measured(
                runs,
                history.starts().containsKey(id) ? history.startsBy(id) : History.startsIn(runs)));
      }
    }
    List<Advice> advice = new ArrayList<>();
    advice.addAll(merges(manifest, measured));
    advice.addAll(sharedFixtures(manifest, measured));
    advice.sort(Comparator.comparingLong(Advice::savesMillis).reversed());
    measured.forEach(
        (id, m) -> {
          History.Measures last = m.last();
          if (last.tests() == 0) {
            advice.add(new Advice.NoTests(id));
          } else if (last.skipped() == last.tests()) {
            advice.add(new Advice.OnlySkipped(id, last.skipped()));
          }
        });
    return advice;
  }

  /**
   * A segment's measured runs, oldest first, and the starts of its fixtures it recorded ({@link
   * History#startsBy}).
   */
  private record Measured(List<History.Entry> runs, Map<String, List<Long>> starts) {

    History.Measures last() {
      return runs.get(runs.size() - 1).measures();
    }

    /**
     * The mean of what each run spent besides its test bodies: fixtures, data, JVM start. A run
     * that leased its fixtures from an earlier build, shared them or had them started while Maven
     * compiled counts as having started them ({@link History#asIfStarted}): the cut costs that
     * start in every run that makes its fixtures, as CI's do.
     */
    long fixedMillis() {
      long usualStart = History.slowestOf(starts);
      return Math.round(
          runs.stream()
              .mapToLong(
                  e -> Math.max(0, History.asIfStarted(e, usualStart) - e.measures().testMillis()))
              .average()
              .orElse(0));
    }

    long testMillis() {
      return Math.round(
          runs.stream().mapToLong(e -> e.measures().testMillis()).average().orElse(0));
    }

    /** Each time {@code fixture} was measured until ready. */
    List<Long> readyMillis(String fixture) {
      return starts.getOrDefault(fixture, List.of());
    }
  }

  private static List<Advice> merges(Manifest manifest, Map<String, Measured> measured) {
    List<Advice.Merge> advice = new ArrayList<>();
    measured.forEach(
        (id, m) -> {
          List<String> fixtures = manifest.segments().get(id).fixtureIds();
          long fixed = m.fixedMillis();
          long bodies = m.testMillis();
          if (fixtures.isEmpty()
              || m.last().tests() == m.last().skipped()
              || fixed < MIN_FIXED_MILLIS
              || fixed < FIXED_COST_FACTOR * bodies) {
            return;
          }
          // one advice per pair: two small segments on the same fixtures are one merge
          Optional<String> into =
              manifest.segments().values().stream()
                  .map(SegmentSpec::id)
                  .filter(o -> !o.equals(id))
                  .filter(
                      o ->
                          new HashSet<>(manifest.segments().get(o).fixtureIds())
                              .containsAll(fixtures))
                  .filter(
                      o ->
                          advice.stream()
                              .noneMatch(a -> a.segment().equals(o) && a.into().equals(id)))
                  .findFirst();
          into.ifPresent(
              o -> advice.add(new Advice.Merge(id, o, fixtures, m.runs().size(), fixed, bodies)));
        });
    return List.copyOf(advice);
  }

  private static List<Advice> sharedFixtures(Manifest manifest, Map<String, Measured> measured) {
    // Fixtures each measured segment starts anew, grouped by identical settings: one fixture id
    // used by several segments, or several ids declaring the same thing.
    Map<FixtureKind, List<String>> idsBySettings = new LinkedHashMap<>();
    Map<String, List<String>> segmentsByFixture = new LinkedHashMap<>();
    measured.forEach(
        (id, m) -> {
          for (String fixture : manifest.segments().get(id).fixtureIds()) {
            FixtureSpec f = manifest.fixture(fixture);
            if (f.reuse() != Reuse.SEGMENT || !Kinds.of(f.kind()).sharedByRun()) {
              continue;
            }
            List<String> ids = idsBySettings.computeIfAbsent(f.kind(), k -> new ArrayList<>());
            if (!ids.contains(fixture)) {
              ids.add(fixture);
            }
            segmentsByFixture.computeIfAbsent(fixture, k -> new ArrayList<>()).add(id);
          }
        });
    List<Advice> advice = new ArrayList<>();
    for (List<String> ids : idsBySettings.values()) {
      List<String> segments = new ArrayList<>();
      List<Long> ready = new ArrayList<>();
      Set<String> seen = new HashSet<>();
      for (String fixture : ids) {
        for (String segment : segmentsByFixture.get(fixture)) {
          if (seen.add(segment)) {
            segments.add(segment);
          }
          ready.addAll(measured.get(segment).readyMillis(fixture));
        }
      }
      long mean = Math.round(ready.stream().mapToLong(Long::longValue).average().orElse(0));
      if (segments.size() < 2 || mean < MIN_SHARE_READY_MILLIS) {
        continue;
      }
      advice.add(new Advice.ShareFixture(ids, segments, ready.size(), mean));
    }
    return advice;
  }
}
