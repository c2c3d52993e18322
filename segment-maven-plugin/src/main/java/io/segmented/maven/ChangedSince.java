package io.segmented.maven;

import io.segmented.engine.change.ChangeException;
import io.segmented.engine.change.ChangeSelection;
import io.segmented.engine.plan.Selection;
import io.segmented.manifest.Manifest;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.Log;

/**
 * {@code -Dsegment.changedSince} for the goals: the engine's {@link ChangeSelection}, its
 * exceptions translated once. A ref that is wrong is the user's to fix ({@link
 * MojoFailureException}); a repository that cannot be read is the environment's ({@link
 * MojoExecutionException}).
 */
final class ChangedSince {

  private ChangedSince() {}

  /** The decisions for the changes since {@code ref}; empty when no ref is given. */
  static Optional<ChangeSelection> read(String ref, Manifest manifest, Path basedir)
      throws MojoFailureException, MojoExecutionException {
    if (ref == null || ref.isBlank()) {
      return Optional.empty();
    }
    try {
      return Optional.of(ChangeSelection.since(manifest, basedir, ref.trim()));
    } catch (ChangeException e) {
      throw new MojoFailureException(e.getMessage(), e);
    } catch (IOException e) {
      throw new MojoExecutionException(
          "-D"
              + PropertyNames.CHANGED_SINCE
              + "="
              + ref
              + ": cannot read the git repository of "
              + basedir
              + ": "
              + e.getMessage(),
          e);
    }
  }

  /**
   * {@code selection} narrowed by the changes since {@code ref}, when one is given; logs what
   * changed and why each selected segment runs. The segments left out are logged as SKIPPED by the
   * run, with their reason.
   */
  static Selection narrow(Selection selection, String ref, Manifest manifest, Path basedir, Log log)
      throws MojoFailureException, MojoExecutionException {
    Optional<ChangeSelection> change = read(ref, manifest, basedir);
    if (change.isEmpty()) {
      return selection;
    }
    ChangeSelection c = change.get();
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
    return c.narrow(selection);
  }
}
