package io.segmented.engine.fork;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.jar.JarFile;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipFile;

/**
 * Whether the folders of a classpath and its jars hold a file of the same name: a class or a
 * resource (a service file, a {@code logback-test.xml}) that one of them would shadow in the other,
 * so that their order on the classpath decides which the tests get. Files every jar has and no test
 * reads as a resource of its own (the manifest, {@code module-info.class}, license notices) do not
 * count.
 */
final class Shadowing {

  private static final Pattern IGNORED =
      Pattern.compile(
          "(META-INF/versions/\\d+/)?module-info\\.class"
              + "|META-INF/(MANIFEST\\.MF|INDEX\\.LIST)"
              + "|META-INF/(LICENSE|NOTICE|DEPENDENCIES)([.\\-_][^/]*)?");

  private Shadowing() {}

  /**
   * The first file of {@code dirs} that one of {@code jars} holds too (a multi-release jar's
   * version for this JDK counted), said as "{@code <folder>/<file> is also in <jar>}"; none when no
   * file is in both. A jar that cannot be read counts as holding every file.
   */
  static Optional<String> first(List<Path> dirs, List<Path> jars) throws IOException {
    List<Path> files = new ArrayList<>();
    List<String> names = new ArrayList<>();
    for (Path dir : dirs) {
      try (Stream<Path> walk = Files.walk(dir)) {
        for (Path f : walk.filter(Files::isRegularFile).toList()) {
          String name = dir.relativize(f).toString().replace(java.io.File.separatorChar, '/');
          if (!IGNORED.matcher(name).matches()) {
            files.add(f);
            names.add(name);
          }
        }
      }
    }
    if (names.isEmpty()) {
      return Optional.empty();
    }
    for (Path jar : jars) {
      try (JarFile zip = new JarFile(jar.toFile(), false, ZipFile.OPEN_READ, Runtime.version())) {
        for (int i = 0; i < names.size(); i++) {
          if (zip.getJarEntry(names.get(i)) != null) {
            return Optional.of(files.get(i) + " is also in " + jar);
          }
        }
      } catch (IOException e) {
        return Optional.of(jar + " cannot be read as a jar (" + e.getMessage() + ")");
      }
    }
    return Optional.empty();
  }
}
