package io.segmented.results;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.List;
import java.util.Locale;

/**
 * One piece of advice on how a manifest cuts its segments, from measured runs: what was measured,
 * as data, and the advice as people read it ({@link #text}), rendered from that data. In {@code
 * segment-results.json} each is an object whose {@code kind} says which fields it has; {@code
 * savesMillis} and {@code text} are written for readers of the file and ignored when it is read. An
 * advice of a kind this version does not know is left out when reading.
 */
@JsonTypeInfo(
    use = JsonTypeInfo.Id.NAME,
    include = JsonTypeInfo.As.PROPERTY,
    property = "kind",
    defaultImpl = Void.class)
@JsonSubTypes({
  @JsonSubTypes.Type(value = Advice.Merge.class, name = "MERGE"),
  @JsonSubTypes.Type(value = Advice.ShareFixture.class, name = "SHARE_FIXTURE"),
  @JsonSubTypes.Type(value = Advice.NoTests.class, name = "NO_TESTS"),
  @JsonSubTypes.Type(value = Advice.OnlySkipped.class, name = "ONLY_SKIPPED")
})
@JsonIgnoreProperties(
    value = {"savesMillis", "text"},
    allowGetters = true)
public sealed interface Advice {

  /** What an advice is about. */
  enum Kind {
    /** Merge a segment into one that starts the same fixtures. */
    MERGE("Merge segments"),
    /** Start a fixture once for the run instead of once per segment. */
    SHARE_FIXTURE("Share a fixture"),
    /** A segment runs no test. */
    NO_TESTS("No test"),
    /** A segment runs only skipped tests. */
    ONLY_SKIPPED("Only skipped tests");

    private final String label;

    Kind(String label) {
      this.label = label;
    }

    /** {@code Share a fixture}, as a heading reads. */
    public String label() {
      return label;
    }
  }

  /** What it is about. */
  Kind kind();

  /** The segments it names, the one it is mostly about first. */
  List<String> segments();

  /** The fixtures it names; none when it names none. */
  default List<String> fixtures() {
    return List.of();
  }

  /** How many measurements its times are the mean of; 0 when it has no times. */
  default int measured() {
    return 0;
  }

  /** About how much machine time following it would save in a run; 0 when it is not about time. */
  @JsonProperty("savesMillis")
  default long savesMillis() {
    return 0;
  }

  /** The advice as people read it: what was measured and what to change. */
  @JsonProperty("text")
  String text();

  /** This advice in the aggregate of a multi-module build: its segments as {@code module/id}. */
  Advice inModule(String module);

  /**
   * A segment whose fixed cost (fixture start, data, test JVM) dwarfs its test bodies, beside a
   * segment that starts the same fixtures: merged into that one, its fixed cost is saved.
   *
   * @param segment the segment to merge
   * @param into the segment to merge it into
   * @param fixtures the fixtures both start
   * @param runs how many measured runs of {@code segment} the times are the mean of
   * @param fixedMillis its mean wall time besides its test bodies, a run that leased, shared or
   *     started its fixtures ahead counted as if it had started them
   * @param testMillis its test bodies' mean time
   */
  record Merge(
      String segment,
      String into,
      List<String> fixtures,
      int runs,
      long fixedMillis,
      long testMillis)
      implements Advice {

    public Merge {
      fixtures = List.copyOf(fixtures);
    }

    @Override
    public Kind kind() {
      return Kind.MERGE;
    }

    @Override
    public List<String> segments() {
      return List.of(segment, into);
    }

    @Override
    public int measured() {
      return runs;
    }

    @Override
    public long savesMillis() {
      return fixedMillis;
    }

    @Override
    public String text() {
      return "segment '"
          + segment
          + "' spends "
          + seconds(fixedMillis)
          + " on fixed cost (fixture start, test JVM) for "
          + seconds(testMillis)
          + " of tests"
          + meanOf(runs, "runs")
          + ", and segment '"
          + into
          + "' starts the same fixtures ("
          + String.join(", ", fixtures)
          + "): merging '"
          + segment
          + "' into '"
          + into
          + "' (its tests selectors into that boundary) would save about "
          + seconds(fixedMillis);
    }

    @Override
    public Merge inModule(String module) {
      return new Merge(
          module + "/" + segment, module + "/" + into, fixtures, runs, fixedMillis, testMillis);
    }
  }

  /**
   * A fixture that several segments each start anew, or fixtures of identical settings under
   * different ids: started once for the run ({@code reuse: run}), or kept running across builds, it
   * would be ready for all but the first.
   *
   * @param fixtures the fixtures' ids, of identical settings
   * @param segments the segments that start them
   * @param starts how many measured starts {@code readyMillis} is the mean of
   * @param readyMillis the mean time until one was ready
   */
  record ShareFixture(List<String> fixtures, List<String> segments, int starts, long readyMillis)
      implements Advice {

    public ShareFixture {
      fixtures = List.copyOf(fixtures);
      segments = List.copyOf(segments);
    }

    @Override
    public Kind kind() {
      return Kind.SHARE_FIXTURE;
    }

    @Override
    public int measured() {
      return starts;
    }

    @Override
    public long savesMillis() {
      return readyMillis * Math.max(0, segments.size() - 1);
    }

    @Override
    public String text() {
      String what =
          fixtures.size() == 1
              ? "fixture '" + fixtures.get(0) + "' is started anew by " + segments.size()
              : "fixtures '"
                  + String.join("', '", fixtures)
                  + "' have identical settings and are started by "
                  + segments.size();
      return what
          + " segments ("
          + String.join(", ", segments)
          + "), "
          + seconds(readyMillis)
          + " to ready each"
          + meanOf(starts, "starts")
          + ": "
          + (fixtures.size() == 1 ? "'reuse: run' on it" : "one fixture with 'reuse: run'")
          + " starts it once for the run, each segment still with data of its own, and would save"
          + " about "
          + seconds(savesMillis())
          + "; keeping it running across builds (-Dsegment.keep) saves that start too. Keep them"
          + " apart if a segment needs the server to itself";
    }

    @Override
    public ShareFixture inModule(String module) {
      return new ShareFixture(
          fixtures, segments.stream().map(s -> module + "/" + s).toList(), starts, readyMillis);
    }
  }

  /**
   * A segment that ran no test: its fixtures and test JVM start for nothing.
   *
   * @param segment the segment
   */
  record NoTests(String segment) implements Advice {

    @Override
    public Kind kind() {
      return Kind.NO_TESTS;
    }

    @Override
    public List<String> segments() {
      return List.of(segment);
    }

    @Override
    public String text() {
      return "segment '"
          + segment
          + "' ran no test: its boundary's tests select none of the module's test classes. Remove"
          + " the segment, or make its tests selectors match";
    }

    @Override
    public NoTests inModule(String module) {
      return new NoTests(module + "/" + segment);
    }
  }

  /**
   * A segment that ran nothing but skipped tests: its fixtures and test JVM start for nothing.
   *
   * @param segment the segment
   * @param skipped how many tests it skipped
   */
  record OnlySkipped(String segment, int skipped) implements Advice {

    @Override
    public Kind kind() {
      return Kind.ONLY_SKIPPED;
    }

    @Override
    public List<String> segments() {
      return List.of(segment);
    }

    @Override
    public String text() {
      return "segment '"
          + segment
          + "' ran only skipped tests ("
          + skipped
          + "), so its fixtures and test JVM started for nothing. Remove the segment, or enable its"
          + " tests";
    }

    @Override
    public OnlySkipped inModule(String module) {
      return new OnlySkipped(module + "/" + segment, skipped);
    }
  }

  private static String seconds(long millis) {
    return String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
  }

  /** {@code " (mean of 3 runs)"}; nothing for one. */
  private static String meanOf(int count, String what) {
    return count > 1 ? " (mean of " + count + " " + what + ")" : "";
  }
}
