package io.segmented.engine.plan;

import io.segmented.engine.history.History;
import io.segmented.manifest.SegmentSpec;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalLong;

/**
 * One of {@code count} CI machines' share of the selected segments ({@code -Dsegment.shard=2/3}).
 * Every shard computes the same split from the same inputs, so the shards together run every
 * selected segment exactly once: balanced by the durations in the history when it has them (the
 * longest first, each onto the shard with the least time so far), by id otherwise.
 *
 * @param index which share, from 1
 * @param count how many shares
 */
public record Shard(int index, int count) {

  public Shard {
    if (count < 1 || index < 1 || index > count) {
      throw new IllegalArgumentException(
          "-Dsegment.shard="
              + index
              + "/"
              + count
              + ": write <i>/<n> with 1 <= i <= n, such as 2/3 for the second of three CI jobs");
    }
  }

  /** Parses {@code i/n}. */
  public static Shard parse(String text) {
    String[] parts = text.trim().split("/");
    try {
      if (parts.length == 2) {
        return new Shard(Integer.parseInt(parts[0].trim()), Integer.parseInt(parts[1].trim()));
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException(
        "-Dsegment.shard=" + text + ": write <i>/<n>, such as 2/3 for the second of three CI jobs");
  }

  /** The segments of {@code selected} this shard runs, in their manifest order. */
  public List<SegmentSpec> share(List<SegmentSpec> selected, History history) {
    long known = selected.stream().filter(s -> history.expectedMillis(s.id()).isPresent()).count();
    long fallback =
        Math.round(
            selected.stream()
                .map(s -> history.expectedMillis(s.id()))
                .filter(OptionalLong::isPresent)
                .mapToLong(OptionalLong::getAsLong)
                .average()
                .orElse(1));
    List<SegmentSpec> order = new ArrayList<>(selected);
    order.sort(Comparator.comparing(SegmentSpec::id));
    if (known > 0) {
      order.sort(
          Comparator.comparingLong(
                  (SegmentSpec s) -> history.expectedMillis(s.id()).orElse(fallback))
              .reversed()
              .thenComparing(SegmentSpec::id));
    }
    long[] load = new long[count];
    List<SegmentSpec> mine = new ArrayList<>();
    for (SegmentSpec s : order) {
      int least = 0;
      for (int i = 1; i < count; i++) {
        if (load[i] < load[least]) {
          least = i;
        }
      }
      load[least] += known > 0 ? history.expectedMillis(s.id()).orElse(fallback) : 1;
      if (least == index - 1) {
        mine.add(s);
      }
    }
    return selected.stream().filter(mine::contains).toList();
  }

  @Override
  public String toString() {
    return index + "/" + count;
  }
}
