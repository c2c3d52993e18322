package io.segmented.engine.fork;

import java.io.File;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The classpath of a JVM the plugin forks to run its own code (the engine's JVM, the kept fixtures'
 * watcher): the plugin's, as its class loader has it (in Maven a plugin realm of jars), with the
 * jars of the APIs that Maven gives its plugins from its core (SLF4J, the plugin API), which no
 * plugin realm holds.
 */
public final class OwnClasspath {

  private OwnClasspath() {}

  /**
   * The folder of a run's working folder where the engine's own JVM keeps its files: its log, its
   * class list and, under {@link ClassData#FOLDER}, its class-data archive.
   */
  public static final String ENGINE_FOLDER = "engine";

  /**
   * The jars of {@code anchor}'s class loader and those {@code apis} come from; the JVM's own
   * classpath, with those, when {@code anchor} was not loaded from a URL class loader (a test).
   */
  public static List<Path> of(Class<?> anchor, List<Class<?>> apis) {
    Set<Path> entries = new LinkedHashSet<>();
    if (anchor.getClassLoader() instanceof URLClassLoader loader) {
      for (URL url : loader.getURLs()) {
        path(url).ifPresent(entries::add);
      }
    } else {
      for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
        if (!entry.isEmpty()) {
          entries.add(Path.of(entry));
        }
      }
    }
    for (Class<?> api : apis) {
      path(api.getProtectionDomain().getCodeSource().getLocation()).ifPresent(entries::add);
    }
    return List.copyOf(entries);
  }

  private static Optional<Path> path(URL url) {
    try {
      return Optional.of(Path.of(url.toURI()));
    } catch (URISyntaxException | RuntimeException e) {
      return Optional.empty();
    }
  }
}
