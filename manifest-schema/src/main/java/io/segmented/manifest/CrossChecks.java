package io.segmented.manifest;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.nodes.Node;

/** The checks that need the whole file: references between fixtures, segments and data. */
final class CrossChecks {

  private final Problems problems;
  private final Map<String, FixtureSpec> fixtures;
  private final Set<String> declared;

  /**
   * @param fixtures the fixtures that were read without problems
   * @param declared every fixture id written, also of fixtures with problems of their own, which
   *     are reported there
   */
  CrossChecks(Problems problems, Map<String, FixtureSpec> fixtures, Set<String> declared) {
    this.problems = problems;
    this.fixtures = fixtures;
    this.declared = declared;
  }

  void check(Map<String, SegmentSpec> segments, YamlMap segmentsMap) {
    for (FixtureSpec fixture : fixtures.values()) {
      for (String dep : fixture.dependsOn()) {
        if (!declared.contains(dep)) {
          problems.at(
              fixture.position(),
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
      YamlMap map = segmentsMap.map(segment.id()).orElse(null);
      Node fixturesNode = map == null ? null : map.value("fixtures").orElse(null);
      for (String id : segment.fixtureIds()) {
        if (!declared.contains(id)) {
          problems.at(
              fixturesNode == null ? Position.NONE : Problems.position(fixturesNode),
              "segment '"
                  + segment.id()
                  + "' uses fixture '"
                  + id
                  + "', which is not declared under 'fixtures'. "
                  + Suggestions.didYouMean(id, declared));
        }
      }
      for (DataScope data : segment.data().values()) {
        Position at =
            map == null
                ? segment.position()
                : map.map("data")
                    .map(d -> Problems.position(d.keyNode(data.fixtureId())))
                    .orElse(segment.position());
        checkData(segment, data, at);
      }
    }
  }

  private void checkData(SegmentSpec segment, DataScope data, Position at) {
    if (!segment.fixtureIds().contains(data.fixtureId())) {
      problems.at(
          at,
          "segment '"
              + segment.id()
              + "' has data for fixture '"
              + data.fixtureId()
              + "', which it does not use. Add it to the segment's 'fixtures' or remove the data entry");
      return;
    }
    FixtureSpec fixture = fixtures.get(data.fixtureId());
    if (fixture == null) {
      return;
    }
    if (!data.seed().isEmpty() && !fixture.kind().seedable()) {
      problems.at(
          at,
          "fixture '"
              + fixture.id()
              + "' is a '"
              + fixture.kind().key()
              + "' fixture, which takes no 'seed'. Seeds are for postgres, mysql and mariadb; use 'reset' for container and process fixtures");
    }
    for (Path seed : data.seed()) {
      if (!Files.isRegularFile(seed)) {
        problems.at(
            at,
            "seed file '"
                + seed
                + "' does not exist. Check the path; it is relative to the module directory");
      }
    }
  }

  private void reportCycles() {
    Set<String> done = new HashSet<>();
    for (String id : fixtures.keySet()) {
      List<String> path = new ArrayList<>();
      if (cycle(id, path, new HashSet<>(), done)) {
        FixtureSpec first = fixtures.get(path.get(0));
        problems.at(
            first.position(),
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
}
