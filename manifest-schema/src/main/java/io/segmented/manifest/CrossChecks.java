package io.segmented.manifest;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The checks that need the whole file: references between fixtures, segments and data. Each problem
 * is reported at the node that is wrong: the list item that names an undeclared fixture, the {@code
 * dependsOn} entry that closes a cycle, the {@code seed} key of a kind without seeds.
 */
final class CrossChecks {

  private final Problems problems;
  private final Map<String, FixtureSpec> fixtures;
  private final YamlMap fixturesMap;
  private final Set<String> declared;

  /**
   * @param fixtures the fixtures that were read without problems
   * @param fixturesMap the {@code fixtures} section as written, null when there is none; its keys
   *     are every fixture id written, also of fixtures with problems of their own, which are
   *     reported there
   */
  CrossChecks(Problems problems, Map<String, FixtureSpec> fixtures, YamlMap fixturesMap) {
    this.problems = problems;
    this.fixtures = fixtures;
    this.fixturesMap = fixturesMap;
    this.declared = fixturesMap == null ? Set.of() : fixturesMap.keys();
  }

  void check(Map<String, SegmentSpec> segments, YamlMap segmentsMap) {
    for (FixtureSpec fixture : fixtures.values()) {
      for (String dep : fixture.dependsOn()) {
        if (!declared.contains(dep)) {
          problems.at(
              dependsOnEntry(fixture, dep),
              "fixture '"
                  + fixture.id()
                  + "' depends on '"
                  + dep
                  + "', which is not declared. "
                  + Suggestions.didYouMean(dep, declared));
        }
      }
    }
    reportCycles();
    if (segmentsMap == null) {
      return;
    }
    for (SegmentSpec segment : segments.values()) {
      Optional<YamlMap> map = segmentsMap.map(segment.id());
      for (String id : segment.fixtureIds()) {
        if (!declared.contains(id)) {
          problems.at(
              map.flatMap(m -> item(m, "fixtures", id)).orElse(segment.position()),
              "segment '"
                  + segment.id()
                  + "' uses fixture '"
                  + id
                  + "', which is not declared under 'fixtures'. "
                  + Suggestions.didYouMean(id, declared));
        }
      }
      Optional<YamlMap> data = map.flatMap(m -> m.map("data"));
      for (DataScope scope : segment.data().values()) {
        checkData(segment, scope, data);
      }
    }
  }

  private void checkData(SegmentSpec segment, DataScope data, Optional<YamlMap> dataMap) {
    if (!segment.fixtureIds().contains(data.fixtureId())) {
      problems.at(
          dataMap
              .map(d -> Problems.position(d.keyNode(data.fixtureId())))
              .orElse(segment.position()),
          "segment '"
              + segment.id()
              + "' has data for fixture '"
              + data.fixtureId()
              + "', which it does not use. Add it to the segment's 'fixtures' or remove the data entry");
      return;
    }
    FixtureSpec fixture = fixtures.get(data.fixtureId());
    if (fixture != null && !data.seed().isEmpty() && !fixture.kind().seedable()) {
      problems.at(
          dataMap
              .flatMap(d -> d.map(data.fixtureId()))
              .map(entry -> Problems.position(entry.keyNode("seed")))
              .orElse(segment.position()),
          "fixture '"
              + fixture.id()
              + "' is a '"
              + fixture.kind().key()
              + "' fixture, which takes no 'seed'. Seeds are for postgres, mysql and mariadb; use 'reset' for container and process fixtures");
    }
  }

  /** Reports the first cycle at the {@code dependsOn} entry that closes it. */
  private void reportCycles() {
    Set<String> done = new HashSet<>();
    for (String id : fixtures.keySet()) {
      List<String> path = new ArrayList<>();
      if (cycle(id, path, new HashSet<>(), done)) {
        FixtureSpec closing = fixtures.get(path.get(path.size() - 2));
        problems.at(
            dependsOnEntry(closing, path.get(path.size() - 1)),
            "fixtures depend on each other in a cycle: "
                + String.join(" -> ", path)
                + ". Remove one 'dependsOn' entry to break it");
        return;
      }
    }
  }

  private boolean cycle(String id, List<String> path, Set<String> onPath, Set<String> done) {
    if (onPath.contains(id)) {
      path.subList(0, path.indexOf(id)).clear();
      path.add(id);
      return true;
    }
    if (done.contains(id) || !fixtures.containsKey(id)) {
      return false;
    }
    onPath.add(id);
    path.add(id);
    for (String dep : fixtures.get(id).dependsOn()) {
      if (cycle(dep, path, onPath, done)) {
        return true;
      }
    }
    onPath.remove(id);
    path.remove(path.size() - 1);
    done.add(id);
    return false;
  }

  /** Where {@code fixture} names {@code dep} under {@code dependsOn}. */
  private Position dependsOnEntry(FixtureSpec fixture, String dep) {
    return Optional.ofNullable(fixturesMap)
        .flatMap(f -> f.map(fixture.id()))
        .flatMap(f -> item(f, "dependsOn", dep))
        .orElse(fixture.position());
  }

  /** The position of the first item of the list under {@code key} that says {@code value}. */
  private static Optional<Position> item(YamlMap map, String key, String value) {
    return map.items(key).stream()
        .filter(i -> i.value().equals(value))
        .findFirst()
        .map(YamlMap.Item::node)
        .map(Problems::position);
  }
}
