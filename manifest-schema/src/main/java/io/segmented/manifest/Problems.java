package io.segmented.manifest;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.nodes.Node;

/** Collects the problems of one file while it is read, so that all of them are reported at once. */
final class Problems {

  private final Path file;
  private final List<Problem> list = new ArrayList<>();

  Problems(Path file) {
    this.file = file;
  }

  void at(Node node, String message) {
    at(position(node), message);
  }

  void at(Mark mark, String message) {
    at(
        mark == null ? Position.NONE : new Position(mark.getLine() + 1, mark.getColumn() + 1),
        message);
  }

  /** Adds a problem once: a node read twice (an alias, a second pass) reports it once. */
  void at(Position position, String message) {
    Problem problem = new Problem(file, position, message);
    if (!list.contains(problem)) {
      list.add(problem);
    }
  }

  void file(String message) {
    at(Position.NONE, message);
  }

  void throwIfAny() throws ManifestException {
    if (!list.isEmpty()) {
      List<Problem> sorted = new ArrayList<>(list);
      sorted.sort(
          Comparator.comparingInt((Problem p) -> p.position().line())
              .thenComparingInt(p -> p.position().column()));
      throw new ManifestException(sorted);
    }
  }

  static Position position(Node node) {
    Mark mark = node.getStartMark();
    return mark == null ? Position.NONE : new Position(mark.getLine() + 1, mark.getColumn() + 1);
  }
}
