package io.segmented.engine.plan;

import io.segmented.engine.change.ChangeSelection;
import io.segmented.engine.history.History;
import io.segmented.manifest.Provider;
import io.segmented.manifest.SegmentSpec;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * What a run of one module would do, worked out without starting anything: which segments run and
 * why, what each starts and in which order, and which images that needs.
 *
 * @param manifest the manifest the plan is made from
 * @param segments every segment, in manifest order, selected or not
 * @param parallel how many segments would run at once
 * @param change the changes the selection was narrowed by, with {@code -Dsegment.changedSince}
 * @param docker whether a Docker engine answers; empty when nothing needed to ask it
 * @param images the images the selected segments' container fixtures need, in order of first use
 * @param startOrder the selected segments' ids in the order a run would start them, and how that
 *     order was chosen; empty for the manifest's order
 */
public record Plan(
    Path manifest,
    List<SegmentPlan> segments,
    int parallel,
    Optional<ChangeSelection> change,
    Optional<Boolean> docker,
    List<Image> images,
    Optional<StartOrder> startOrder) {

  public Plan {
    segments = List.copyOf(segments);
    images = List.copyOf(images);
  }

  /**
   * A start order other than the manifest's.
   *
   * @param how how it was chosen, in words
   * @param ids the selected segments' ids in that order
   */
  public record StartOrder(String how, List<String> ids) {
    public StartOrder {
      ids = List.copyOf(ids);
    }
  }

  /**
   * This plan with the start order {@code order} gives the selected segments by {@code history}.
   */
  public Plan startingIn(RunOrder order, History history) {
    List<SegmentSpec> manifestOrder = selected().stream().map(SegmentPlan::segment).toList();
    List<SegmentSpec> sorted = order.sort(manifestOrder, history);
    return new Plan(
        manifest,
        segments,
        parallel,
        change,
        docker,
        images,
        sorted.equals(manifestOrder)
            ? Optional.empty()
            : Optional.of(
                new StartOrder(order.describe(), sorted.stream().map(SegmentSpec::id).toList())));
  }

  /** The segments that would run, in the order a run starts them. */
  public List<SegmentPlan> selected() {
    return segments.stream().filter(SegmentPlan::selected).toList();
  }

  /**
   * One segment in the plan.
   *
   * @param segment the segment
   * @param selected whether it would run
   * @param reason why it would run, or why it is left out
   * @param fixtures what it starts, dependencies included; empty when it is left out
   * @param startWaves fixture ids by wave: each wave starts in parallel once the one before is
   *     ready
   */
  public record SegmentPlan(
      SegmentSpec segment,
      boolean selected,
      String reason,
      List<FixturePlan> fixtures,
      List<List<String>> startWaves) {
    public SegmentPlan {
      fixtures = List.copyOf(fixtures);
      startWaves = startWaves.stream().map(List::copyOf).toList();
    }
  }

  /**
   * One fixture of a selected segment.
   *
   * @param id the fixture id
   * @param kind the kind key: {@code postgres}, {@code container}, ...
   * @param runs what runs: the image, the embedded server, or the process's command
   * @param provider how it is provided, {@code auto} resolved
   * @param reuse {@code segment}, or {@code run} for one instance the run shares
   * @param shared whether the run starts it once for every segment that uses it
   */
  public record FixturePlan(
      String id, String kind, String runs, Provider provider, String reuse, boolean shared) {}

  /**
   * An image the run needs.
   *
   * @param name the image as the manifest names it
   * @param present whether the Docker engine has it; empty when Docker does not answer
   * @param fixtureIds the fixtures that run it
   */
  public record Image(String name, Optional<Boolean> present, List<String> fixtureIds) {
    public Image {
      fixtureIds = List.copyOf(fixtureIds);
    }
  }
}
