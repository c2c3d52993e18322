package io.segmented.engine.adopt;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/** Test classes compiled for real, from source given as text, into a directory. */
final class Compiled {

  private Compiled() {}

  /**
   * Compiles {@code sources} (binary class name → source) with this JVM's class path (so tests can
   * use JUnit and Testcontainers types) into {@code dir}/test-classes, and returns that directory.
   */
  static Path classes(Path dir, Map<String, String> sources) throws IOException {
    Path src = dir.resolve("src");
    Path out = dir.resolve("test-classes");
    Files.createDirectories(out);
    List<String> args =
        new ArrayList<>(
            List.of("-d", out.toString(), "-cp", System.getProperty("java.class.path")));
    for (Map.Entry<String, String> e : sources.entrySet()) {
      Path file = src.resolve(e.getKey().replace('.', '/') + ".java");
      Files.createDirectories(file.getParent());
      Files.writeString(file, e.getValue());
      args.add(file.toString());
    }
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    assertTrue(javac.run(null, null, null, args.toArray(String[]::new)) == 0, "compiles");
    return out;
  }
}
