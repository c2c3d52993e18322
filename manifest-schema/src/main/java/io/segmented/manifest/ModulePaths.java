package io.segmented.manifest;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Optional;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Resolves manifest paths against the module directory; a path the file system refuses is a
 * problem, not a crash.
 */
final class ModulePaths {

  private ModulePaths() {}

  static Optional<Path> resolve(Path basedir, String text, Node at, Problems problems) {
    try {
      return Optional.of(basedir.resolve(text).normalize());
    } catch (InvalidPathException e) {
      problems.at(
          at,
          "'"
              + text
              + "' is not a valid path: "
              + e.getReason()
              + ". Write a path relative to the module directory");
      return Optional.empty();
    }
  }
}
