package io.segmented.maven;

import io.segmented.engine.change.ChangeSelection;
import io.segmented.engine.plan.Plan;
import org.apache.maven.plugin.logging.Log;

/**
 * {@code -Dsegment.changedSince} in the run's log: what changed and why each selected segment runs.
 * The segments left out are logged as SKIPPED by the run, with their reason.
 */
final class ChangedSince {

  private ChangedSince() {}

  /** Logs the plan's change selection, when it has one. */
  static void log(Plan plan, Log log) {
    if (plan.change().isEmpty()) {
      return;
    }
    ChangeSelection c = plan.change().get();
    long selected =
        c.decisions().values().stream().filter(ChangeSelection.Decision::selected).count();
    log.info(
        "Changed since "
            + c.ref()
            + ": "
            + c.changed().paths().size()
            + " file(s) in the module, which select "
            + selected
            + " of "
            + c.decisions().size()
            + " segment(s)");
    c.decisions().values().stream()
        .filter(ChangeSelection.Decision::selected)
        .forEach(d -> log.info("  " + d.segmentId() + ": " + d.reason()));
  }
}
