package io.segmented.engine.adopt;

import io.segmented.engine.fork.CompiledTests;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * What the module's compiled tests contain, read without loading them: the integration tests that
 * failsafe would run, those its excludes leave out, and the container images each integration test
 * names, itself or through the test classes it uses (a singleton holder in another package).
 *
 * @param integrationTests the top-level classes failsafe runs, sorted
 * @param excluded the classes an include matches and an exclude leaves out, sorted
 * @param images the images each integration test names, by class; classes naming none are absent
 */
public record TestScan(
    List<String> integrationTests, List<String> excluded, Map<String, Set<ImageName>> images) {

  private static final String TESTCONTAINERS = "org.testcontainers.";

  public TestScan {
    integrationTests = List.copyOf(integrationTests);
    excluded = List.copyOf(excluded);
    images = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(images));
  }

  /** Scans {@code testClassesDir}; empty lists when it is not there. */
  public static TestScan of(Path testClassesDir, FailsafePatterns patterns) throws IOException {
    List<String> all = CompiledTests.list(testClassesDir);
    List<String> its = all.stream().filter(patterns::runs).toList();
    List<String> excluded =
        all.stream().filter(c -> patterns.included(c) && patterns.excluded(c)).toList();
    Map<String, ClassConstants> classes = readAll(testClassesDir);
    Map<String, Set<ImageName>> images = new LinkedHashMap<>();
    for (String it : its) {
      Set<ImageName> named = imagesReachableFrom(it, classes);
      if (!named.isEmpty()) {
        images.put(it, named);
      }
    }
    return new TestScan(its, excluded, images);
  }

  /** The images named by {@code start} and by the test classes it refers to, transitively. */
  private static Set<ImageName> imagesReachableFrom(
      String start, Map<String, ClassConstants> classes) {
    Set<ImageName> out = new TreeSet<>(java.util.Comparator.comparing(ImageName::reference));
    Set<String> seen = new HashSet<>();
    Deque<String> todo = new ArrayDeque<>(List.of(start));
    while (!todo.isEmpty()) {
      ClassConstants c = classes.get(todo.pop());
      if (c == null || !seen.add(c.className())) {
        continue;
      }
      boolean usesTestcontainers =
          c.classRefs().stream().anyMatch(r -> r.startsWith(TESTCONTAINERS));
      for (String s : c.strings()) {
        ImageName.parse(s)
            .filter(i -> usesTestcontainers || !i.kind().equals("container"))
            .ifPresent(out::add);
      }
      c.classRefs().stream().filter(classes::containsKey).forEach(todo::push);
    }
    return out;
  }

  private static Map<String, ClassConstants> readAll(Path dir) throws IOException {
    Map<String, ClassConstants> out = new HashMap<>();
    if (!Files.isDirectory(dir)) {
      return out;
    }
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path p : (Iterable<Path>) files.filter(f -> f.toString().endsWith(".class"))::iterator) {
        String rel = dir.relativize(p).toString();
        if (rel.endsWith("module-info.class")) {
          continue;
        }
        ClassConstants c = ClassConstants.read(p);
        out.put(
            rel.substring(0, rel.length() - ".class".length()).replace(File.separatorChar, '.'), c);
      }
    }
    return out;
  }
}
