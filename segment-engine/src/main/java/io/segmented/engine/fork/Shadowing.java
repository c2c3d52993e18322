package io.segmented.engine.fork;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipFile;

/**
 * Whether the folders of a classpath and its jars hold a file of the same name: a class or a
 * resource (a service file, a {@code logback-test.xml}) that one of them would shadow in the other,
 * so that their order on the classpath decides which the tests get.
 */
final class Shadowing {

  private Shadowing() {}

  /**
   * Whether a file in one of {@code dirs} is also in one of {@code jars}. An unreadable jar counts
   * as holding every file.
   */
  static boolean any(List<Path> dirs, List<Path> jars) throws IOException {
    List<String> names = new ArrayList<>();
    for (Path dir : dirs) {
      try (Stream<Path> files = Files.walk(dir)) {
        files
            .filter(Files::isRegularFile)
            .map(f -> dir.relativize(f).toString().replace(java.io.File.separatorChar, '/'))
            .forEach(names::add);
      }
    }
    if (names.isEmpty()) {
      return false;
    }
    for (Path jar : jars) {
      try (ZipFile zip = new ZipFile(jar.toFile())) {
        for (String name : names) {
          if (zip.getEntry(name) != null) {
            return true;
          }
        }
      } catch (IOException e) {
        return true;
      }
    }
    return false;
  }
}
