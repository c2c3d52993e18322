package io.segmented.engine.fork;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The class lists JVMs write with {@code -XX:DumpLoadedClassList}, merged into one for {@code java
 * -Xshare:dump}. Each JVM numbers its classes ({@code java/lang/Object id: 0}, from JDK 18 on) in
 * the order it loaded them, so two lists give one class two ids and one id two classes, which the
 * dump refuses: the merged list names each class once, without ids. Classes of other class loaders
 * than the JDK's own ({@code source:}), which refer to others by id, are left out: they are not on
 * the classpath the archive is dumped with.
 */
final class ClassLists {

  /** The first line of a merged list: the segments whose tests it holds the classes of. */
  static final String SEGMENTS = "# segments:";

  private static final Pattern ID = Pattern.compile(" id: \\d+$");

  private ClassLists() {}

  /** The class lines of {@code lists}, each once, in the order they first come. */
  static Set<String> merged(Collection<Path> lists) throws IOException {
    Set<String> merged = new LinkedHashSet<>();
    for (Path list : lists) {
      if (Files.isRegularFile(list)) {
        merged.addAll(lines(list));
      }
    }
    return merged;
  }

  /** The lines of one list that the dump can read with those of others. */
  static List<String> lines(Path list) throws IOException {
    try (Stream<String> lines = Files.lines(list, StandardCharsets.UTF_8)) {
      return lines
          .filter(l -> !l.isBlank() && !l.startsWith("#"))
          .filter(l -> !l.contains(" source: "))
          .map(l -> ID.matcher(l).replaceFirst(""))
          .toList();
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  /** How many classes {@code lines} name (lambda forms and proxies left out). */
  static int classes(Collection<String> lines) {
    return (int) lines.stream().filter(l -> !l.startsWith("@")).count();
  }

  /** The segments whose classes the merged list {@code file} holds; none without it. */
  static Set<String> segments(Path file) {
    try {
      if (!Files.isRegularFile(file)) {
        return Set.of();
      }
      try (Stream<String> lines = Files.lines(file, StandardCharsets.UTF_8)) {
        return lines
            .findFirst()
            .filter(l -> l.startsWith(SEGMENTS))
            .map(l -> Set.of(l.substring(SEGMENTS.length()).strip().split("\\s+")))
            .orElse(Set.of());
      }
    } catch (IOException | UncheckedIOException e) {
      return Set.of();
    }
  }
}
