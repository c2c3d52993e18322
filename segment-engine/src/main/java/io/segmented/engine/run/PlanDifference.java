package io.segmented.engine.run;

import io.segmented.engine.PropertyNames;
import io.segmented.engine.RunRequest;
import io.segmented.manifest.Manifest;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What first differs between the run a head start was made for and the run that came after the
 * compile, said so that a user who loses the head start in every build can find why: a property
 * that feeds {@code segments.yaml} set by a plugin during the build, another selection, another
 * history.
 */
final class PlanDifference {

  private PlanDifference() {}

  /** The property that sets a request's parameter, by its name, where users set it by one. */
  private static final Map<String, String> PROPERTIES =
      Map.of(
          "segments", PropertyNames.SELECTION,
          "changedSince", PropertyNames.CHANGED_SINCE,
          "test", PropertyNames.IT_TEST,
          "groups", PropertyNames.GROUPS,
          "excludedGroups", PropertyNames.EXCLUDED_GROUPS,
          "shard", PropertyNames.SHARD,
          "provider", PropertyNames.PROVIDER,
          "parallel", PropertyNames.PARALLEL,
          "runOrder", PropertyNames.RUN_ORDER,
          "keep", PropertyNames.KEEP);

  /** The first difference between the requests {@code ahead} and {@code now}; empty when equal. */
  static Optional<String> of(RunRequest ahead, RunRequest now) {
    if (ahead.equals(now)) {
      return Optional.empty();
    }
    for (RecordComponent c : RunRequest.class.getRecordComponents()) {
      Object a = value(c, ahead);
      Object b = value(c, now);
      if (Objects.equals(a, b)) {
        continue;
      }
      if (a instanceof Manifest m && b instanceof Manifest n) {
        return Optional.of(manifest(m, n));
      }
      return Optional.of(
          Optional.ofNullable(PROPERTIES.get(c.getName()))
                  .map(p -> "-D" + p)
                  .orElse("the run's " + c.getName())
              + " was "
              + a
              + " when Maven began and is "
              + b
              + " after the compile");
    }
    return Optional.of("the run's parameters differ after the compile");
  }

  /** The first fixture or segment of {@code segments.yaml} that reads otherwise. */
  private static String manifest(Manifest ahead, Manifest now) {
    String why =
        " of "
            + now.file().getFileName()
            + " reads otherwise after the compile than when Maven began (a property it uses was"
            + " set during the build, by a plugin such as JaCoCo's argLine, a reserved port or a"
            + " commit id)";
    Optional<String> fixture = first(ahead.fixtures(), now.fixtures());
    if (fixture.isPresent()) {
      return "fixture '" + fixture.get() + "'" + why;
    }
    Optional<String> segment = first(ahead.segments(), now.segments());
    if (segment.isPresent()) {
      return "segment '" + segment.get() + "'" + why;
    }
    return "the version or the warnings" + why;
  }

  private static Optional<String> first(Map<String, ?> a, Map<String, ?> b) {
    Set<String> ids = new LinkedHashSet<>(a.keySet());
    ids.addAll(b.keySet());
    return ids.stream().filter(id -> !Objects.equals(a.get(id), b.get(id))).findFirst();
  }

  private static Object value(RecordComponent c, RunRequest r) {
    try {
      return c.getAccessor().invoke(r);
    } catch (IllegalAccessException | InvocationTargetException e) {
      throw new IllegalStateException(e);
    }
  }
}
