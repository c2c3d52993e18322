package io.segmented.engine.fork;

import io.segmented.manifest.TestSelectors;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The module's compiled test classes, read from the directory without loading them, and which of
 * them a segment's class and package selectors pick (tags need the classes loaded, so they are not
 * looked at here).
 */
public final class CompiledTests {

  private CompiledTests() {}

  /**
   * Top-level class names under the test classes directory, sorted; nested classes run with their
   * outer class. Empty when the directory is not there.
   */
  public static List<String> list(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> files = Files.walk(dir)) {
      return files
          .filter(p -> p.toString().endsWith(".class") && !p.getFileName().toString().contains("$"))
          .map(p -> dir.relativize(p).toString())
          .map(s -> s.substring(0, s.length() - ".class".length()).replace(File.separatorChar, '.'))
          .filter(s -> !s.endsWith("package-info") && !s.endsWith("module-info"))
          .sorted()
          .collect(Collectors.toList());
    }
  }

  /** Whether the class and package selectors of {@code t} pick {@code className}. */
  public static boolean selects(TestSelectors t, String className) {
    boolean byClass =
        t.classes().isEmpty()
            || t.classes().stream().anyMatch(g -> className.matches(ClassGlobs.toRegex(g)));
    boolean byPackage =
        t.packages().isEmpty()
            || t.packages().stream().anyMatch(p -> className.startsWith(p + "."));
    boolean excluded =
        t.excludeClasses().stream().anyMatch(g -> className.matches(ClassGlobs.toRegex(g)));
    return byClass && byPackage && !excluded;
  }

  /** Whether the segment selects by tags alone, so that its classes are known only once loaded. */
  public static boolean byTagsAlone(TestSelectors t) {
    return t.classes().isEmpty() && t.packages().isEmpty();
  }
}
