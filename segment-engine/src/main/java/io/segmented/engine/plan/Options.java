package io.segmented.engine.plan;

import io.segmented.engine.EngineException;
import io.segmented.engine.InputException;
import io.segmented.engine.PropertyNames;
import io.segmented.engine.RunRequest;
import io.segmented.engine.change.ChangeException;
import io.segmented.engine.change.ChangeSelection;
import io.segmented.engine.history.History;
import io.segmented.manifest.Durations;
import io.segmented.manifest.Provider;
import java.io.IOException;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * The request's raw values read once, for the planner. A value the user wrote wrong is an {@link
 * InputException} saying what to write instead; a file or repository that cannot be read is an
 * {@link EngineException}.
 */
final class Options {

  private Options() {}

  static TestFilter testFilter(RunRequest request) throws InputException {
    try {
      return TestFilter.parse(request.test(), request.groups(), request.excludedGroups());
    } catch (IllegalArgumentException e) {
      throw new InputException(e.getMessage(), e);
    }
  }

  static Optional<Shard> shard(RunRequest request) throws InputException {
    if (request.shard().isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(Shard.parse(request.shard()));
    } catch (IllegalArgumentException e) {
      throw new InputException(e.getMessage(), e);
    }
  }

  static RunOrder runOrder(RunRequest request) throws InputException {
    try {
      return RunOrder.parse(request.runOrder());
    } catch (IllegalArgumentException e) {
      throw new InputException(e.getMessage(), e);
    }
  }

  static Optional<Provider> provider(RunRequest request) throws InputException {
    if (request.provider().isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(Provider.valueOf(request.provider().toUpperCase(Locale.ROOT)));
    } catch (IllegalArgumentException e) {
      throw new InputException(
          "-D"
              + PropertyNames.PROVIDER
              + "="
              + request.provider()
              + " is not a provider. Use embedded, container or auto",
          e);
    }
  }

  static History history(RunRequest request) throws EngineException {
    try {
      return History.read(request.historyFile());
    } catch (IOException e) {
      throw new EngineException(e.getMessage(), e);
    }
  }

  /** The decisions for the changes since {@code -Dsegment.changedSince}; empty when not given. */
  static Optional<ChangeSelection> change(RunRequest request)
      throws InputException, EngineException {
    if (request.changedSince().isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(
          ChangeSelection.since(request.manifest(), request.moduleDir(), request.changedSince()));
    } catch (ChangeException e) {
      throw new InputException(e.getMessage(), e);
    } catch (IOException e) {
      throw new EngineException(
          "-D"
              + PropertyNames.CHANGED_SINCE
              + "="
              + request.changedSince()
              + ": cannot read the git repository of "
              + request.moduleDir()
              + ": "
              + e.getMessage(),
          e);
    }
  }

  /** {@code selection} less the segments {@code -Dit.test} cannot match. */
  static Selection narrow(TestFilter filter, Selection selection, RunRequest request)
      throws EngineException {
    try {
      return filter.narrow(selection, request.manifest(), request.testClassesDir());
    } catch (IOException e) {
      throw new EngineException(
          "cannot read the test classes in " + request.testClassesDir() + ": " + e.getMessage(), e);
    }
  }

  /** {@code -Dsegment.keep}: how long fixtures are kept; empty when not set (or set to 0). */
  static Optional<Duration> keep(RunRequest request) throws InputException {
    if (request.keep().isEmpty() || request.keep().equals("0") || request.keep().equals("false")) {
      return Optional.empty();
    }
    Optional<Duration> keep = Durations.parse(request.keep());
    if (keep.isEmpty()) {
      throw new InputException(
          "-D"
              + PropertyNames.KEEP
              + "="
              + request.keep()
              + " is not a duration. Write how long fixtures are kept after the build, as 30s,"
              + " 10m or 2h");
    }
    return keep.filter(d -> !d.isZero());
  }
}
