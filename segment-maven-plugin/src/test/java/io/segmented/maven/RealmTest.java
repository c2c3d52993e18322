package io.segmented.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The plugin's class realm holds no engine ({@link EngineJars}): Maven links and reflects on a
 * goal's class (every field, method and constructor of it and its superclasses, for injection)
 * before the goal runs, and so before the engine's jars join the realm. A goal's class that names
 * an engine type in a signature or a {@code catch} fails there with a {@link NoClassDefFoundError}.
 * Each goal of the plugin's descriptor is loaded here as Maven would, in a class loader with the
 * plugin's classes and Maven's API only.
 */
class RealmTest {

  /** What Maven's core gives a plugin realm, and the plugin's own runtime dependencies. */
  private static final Pattern REALM =
      Pattern.compile(
          "/(org/apache/maven|org/codehaus/plexus|org/eclipse/sisu|org/eclipse/aether"
              + "|com/google/inject|javax/inject|org/slf4j)/");

  @Test
  void everyGoalLoadsAsMavenLoadsItWithoutTheEngine() throws Exception {
    List<String> goals = goalClasses();
    assertTrue(goals.size() >= 13, "the plugin's goals: " + goals);
    try (URLClassLoader realm = realm()) {
      List<String> failures = new ArrayList<>();
      for (String goal : goals) {
        try {
          for (Class<?> c = Class.forName(goal, true, realm); c != null; c = c.getSuperclass()) {
            c.getDeclaredFields();
            c.getDeclaredMethods();
            c.getDeclaredConstructors();
          }
        } catch (LinkageError e) {
          failures.add(goal + ": " + e);
        }
      }
      assertEquals(List.of(), failures);
    }
  }

  /** The loader of the test above cannot load an engine class: it would see no failure else. */
  @Test
  void theRealmOfTheTestHasNoEngine() throws Exception {
    try (URLClassLoader realm = realm()) {
      assertThrows(
          ClassNotFoundException.class,
          () -> Class.forName("io.segmented.engine.SegmentEngine", false, realm));
      assertThrows(
          ClassNotFoundException.class,
          () -> Class.forName("org.testcontainers.DockerClientFactory", false, realm));
      assertFalse(goalClasses().isEmpty());
      // and the engine's class is there beside it, in this test's own class loader
      Class.forName("io.segmented.engine.SegmentEngine", false, getClass().getClassLoader());
    }
  }

  /** The classes of the goals the plugin's descriptor declares. */
  private static List<String> goalClasses() throws IOException {
    String descriptor;
    try (InputStream in =
        RealmTest.class.getClassLoader().getResourceAsStream("META-INF/maven/plugin.xml")) {
      descriptor = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    }
    List<String> goals = new ArrayList<>();
    Matcher m = Pattern.compile("<implementation>([^<]+)</implementation>").matcher(descriptor);
    while (m.find()) {
      goals.add(m.group(1));
    }
    return goals;
  }

  /** The plugin's own classes and Maven's API, as a plugin realm has them before the engine. */
  private static URLClassLoader realm() throws MalformedURLException {
    Path classes = Path.of("target", "classes").toAbsolutePath();
    List<URL> urls = new ArrayList<>();
    urls.add(classes.toUri().toURL());
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      String path = entry.replace(File.separatorChar, '/');
      if (REALM.matcher(path).find()
          || path.contains("/maven-reporting-api-")
          || path.contains("/doxia-sink-api-")) {
        urls.add(Path.of(entry).toUri().toURL());
      }
    }
    return new URLClassLoader(urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader());
  }
}
