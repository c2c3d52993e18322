package io.segmented.engine.plan;

import io.segmented.engine.change.ChangeSelection;
import io.segmented.engine.fixture.ImageNames;
import io.segmented.engine.fixture.Keeping;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** A {@link Plan} as lines of text, for the log: one block per segment, then order and images. */
public final class PlanText {

  /** Changed files listed by name; more are counted. */
  static final int CHANGED_FILES_SHOWN = 20;

  private PlanText() {}

  public static List<String> lines(Plan plan) {
    List<String> out = new ArrayList<>();
    List<Plan.SegmentPlan> selected = plan.selected();
    out.add(
        "Plan for "
            + plan.manifest().getFileName()
            + ": "
            + selected.size()
            + " of "
            + plan.segments().size()
            + " segment(s) would run. Nothing is started");
    plan.change().ifPresent(c -> changes(c, out));
    for (Plan.SegmentPlan s : plan.segments()) {
      segment(s, out);
    }
    if (!selected.isEmpty()) {
      out.add(
          "Order: "
              + plan.startOrder()
                  .map(o -> String.join(", ", o.ids()) + " (" + o.how() + "), ")
                  .orElseGet(
                      () ->
                          selected.stream()
                                  .map(s -> s.segment().id())
                                  .collect(Collectors.joining(", "))
                              + " (manifest order), ")
              + plan.parallel()
              + " at a time (segment.parallel), each with its own fixtures and test JVM");
    }
    List<String> shared =
        selected.stream()
            .flatMap(s -> s.fixtures().stream())
            .filter(Plan.FixturePlan::shared)
            .map(Plan.FixturePlan::id)
            .distinct()
            .toList();
    if (!shared.isEmpty()) {
      out.add(
          "Shared by the run (reuse: run): "
              + String.join(", ", shared)
              + ", each started once, by the first segment that needs it");
    }
    images(plan, out);
    return out;
  }

  private static void changes(ChangeSelection change, List<String> out) {
    List<String> paths = List.copyOf(change.changed().paths());
    out.add("Changed since " + change.ref() + ": " + paths.size() + " file(s) in the module");
    paths.stream().limit(CHANGED_FILES_SHOWN).forEach(p -> out.add("  " + p));
    if (paths.size() > CHANGED_FILES_SHOWN) {
      out.add("  ... and " + (paths.size() - CHANGED_FILES_SHOWN) + " more");
    }
  }

  private static void segment(Plan.SegmentPlan s, List<String> out) {
    out.add(
        (s.selected() ? "\u2714 " : "- ")
            + s.segment().id()
            + " ("
            + s.segment().boundary().label()
            + ") "
            + (s.selected() ? "selected: " : "left out: ")
            + s.reason());
    if (!s.selected()) {
      return;
    }
    if (s.fixtures().isEmpty()) {
      out.add("    fixtures: none");
      return;
    }
    String label = "    fixtures: ";
    for (Plan.FixturePlan f : s.fixtures()) {
      out.add(label + describe(f));
      label = "              ";
    }
    out.add(
        "    start:    "
            + s.startWaves().stream()
                .map(w -> String.join(" + ", w) + (w.size() > 1 ? " (in parallel)" : ""))
                .collect(Collectors.joining(", then ")));
  }

  /** As {@code segment:validate} names a fixture, then what runs and how long it lives. */
  private static String describe(Plan.FixturePlan f) {
    String provider =
        f.kind().equals("process") ? "process" : f.provider().name().toLowerCase(Locale.ROOT);
    String reuse = "reuse " + f.reuse();
    if (f.shared()) {
      reuse += ", shared by the run";
    } else if (f.reuse().equals("run") && !f.shareable()) {
      reuse += ", yet a fresh one per segment";
    } else if (f.reuse().equals("run")) {
      reuse += ", the segment's own: no other segment of the run uses it";
    }
    String keep = f.keep().map(k -> ", keep: " + k).orElse("");
    // keep: false, shown just before, says why itself
    String kept =
        f.kept()
            .map(PlanText::kept)
            .orElseGet(
                () ->
                    f.notKept()
                        .filter(w -> !f.keep().equals(Optional.of(false)))
                        .map(w -> ", not kept: " + w)
                        .orElse(""));
    return f.id() + " (" + f.kind() + ", " + provider + ") " + f.runs() + ", " + reuse + keep
        + kept;
  }

  /** What a run that keeps fixtures would do with one. */
  private static String kept(Keeping k) {
    if (k.leased()) {
      return ", kept: would lease one started " + Keeping.roughly(k.age()) + " ago";
    }
    return ", kept: would start one and keep it for "
        + Keeping.words(k.keep())
        + (k.why().isEmpty() ? "" : " (" + k.why() + ")");
  }

  private static void images(Plan plan, List<String> out) {
    if (plan.images().isEmpty()) {
      out.add("Images: none (no selected segment runs a fixture in a container)");
      return;
    }
    boolean answers = plan.docker().orElse(false);
    out.add(
        "Images: "
            + plan.images().size()
            + (answers
                ? ", checked on the Docker engine"
                : ", not checked: no Docker engine answers, so a run would stop before starting"
                    + " anything"));
    for (Plan.Image i : plan.images()) {
      out.add(
          "  "
              + i.name()
              + " ("
              + String.join(", ", i.fixtureIds())
              + ")"
              + ImageNames.problem(i.name())
                  .map(p -> ": " + p + ", so a run cannot start it. Set 'image' to name:tag")
                  .orElseGet(
                      () ->
                          i.present()
                              .map(p -> p ? ": present" : ": not present, the run pulls it first")
                              .orElse("")));
    }
  }
}
