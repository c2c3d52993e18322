package io.segmented.engine.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.segmented.engine.TestSegments;
import io.segmented.engine.history.History;
import io.segmented.manifest.SegmentSpec;
import io.segmented.results.Outcome;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ShardTest {

  private static SegmentSpec segment(String id) {
    return TestSegments.named(id);
  }

  private static final List<SegmentSpec> SEGMENTS =
      List.of(segment("a"), segment("b"), segment("c"), segment("d"), segment("e"));

  private static List<String> ids(Shard shard, History history) {
    return shard.share(SEGMENTS, history).stream().map(SegmentSpec::id).toList();
  }

  @Test
  void withoutHistoryTheIdsAreDealtOutInTurn() {
    assertEquals(List.of("a", "d"), ids(new Shard(1, 3), History.empty()));
    assertEquals(List.of("b", "e"), ids(new Shard(2, 3), History.empty()));
    assertEquals(List.of("c"), ids(new Shard(3, 3), History.empty()));
  }

  @Test
  void withHistoryTheLongestAreSpreadFirstAndEverySegmentRunsOnce() {
    History history =
        new History(
            Map.of(
                "a", List.of(new History.Entry(Outcome.PASSED, 60_000, "t")),
                "b", List.of(new History.Entry(Outcome.PASSED, 50_000, "t")),
                "c", List.of(new History.Entry(Outcome.PASSED, 10_000, "t")),
                "d", List.of(new History.Entry(Outcome.FAILED, 10_000, "t"))));
    List<String> one = ids(new Shard(1, 2), history);
    List<String> two = ids(new Shard(2, 2), history);
    // longest first onto the lighter side: a 60 | b 50, e (unknown: the mean, 32.5) on b's side,
    // then c and d (10 each) on a's: 80 s against 82.5 s
    assertEquals(List.of("a", "c", "d"), one);
    assertEquals(List.of("b", "e"), two);
    List<String> both = new ArrayList<>(one);
    both.addAll(two);
    assertEquals(5, both.stream().distinct().count());
  }

  @Test
  void aShardIsWrittenAsIOfN() {
    assertEquals(new Shard(2, 3), Shard.parse(" 2/3 "));
    assertThrows(IllegalArgumentException.class, () -> Shard.parse("3"));
    assertThrows(IllegalArgumentException.class, () -> Shard.parse("0/3"));
    assertThrows(IllegalArgumentException.class, () -> Shard.parse("x/y"));
  }
}
