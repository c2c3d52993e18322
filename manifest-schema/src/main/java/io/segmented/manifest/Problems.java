package io.segmented.manifest;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Collects the problems of one file while it is read, so that all of them are reported at once, and
 * the warnings beside them: what is read but likely not meant, such as an unresolved {@code
 * ${...}}.
 */
final class Problems {

  private static final Comparator<Problem> FILE_ORDER =
      Comparator.comparingInt((Problem p) -> p.position().line())
          .thenComparingInt(p -> p.position().column());

  private final Path file;
  private final List<Problem> list = new ArrayList<>();
  private final List<Problem> warnings = new ArrayList<>();

  Problems(Path file) {
    this.file = file;
  }

  void at(Node node, String message) {
    at(position(node), message);
  }

  void at(Mark mark, String message) {
    at(
        mark == null ? Position.START : new Position(mark.getLine() + 1, mark.getColumn() + 1),
        message);
  }

  /** Adds a problem once: a node read twice (an alias, a second pass) reports it once. */
  void at(Position position, String message) {
    addOnce(list, new Problem(file, position, message));
  }

  /** A problem of the whole file, such as its size: at its start, where editors can show it. */
  void file(String message) {
    at(Position.START, message);
  }

  /** Adds a warning once. */
  void warn(Node node, String message) {
    addOnce(warnings, new Problem(file, position(node), message));
  }

  /** The warnings in file order. */
  List<Problem> warnings() {
    List<Problem> sorted = new ArrayList<>(warnings);
    sorted.sort(FILE_ORDER);
    return sorted;
  }

  void throwIfAny() throws ManifestException {
    if (!list.isEmpty()) {
      List<Problem> sorted = new ArrayList<>(list);
      sorted.sort(FILE_ORDER);
      throw new ManifestException(sorted);
    }
  }

  private static void addOnce(List<Problem> to, Problem problem) {
    if (!to.contains(problem)) {
      to.add(problem);
    }
  }

  static Position position(Node node) {
    Mark mark = node.getStartMark();
    return mark == null ? Position.START : new Position(mark.getLine() + 1, mark.getColumn() + 1);
  }
}
