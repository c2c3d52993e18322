package io.segmented.engine;

import java.nio.file.Path;
import java.util.List;

/**
 * What a forked test JVM is made of.
 *
 * @param java the {@code java} executable
 * @param testClassesDir the module's compiled test classes, where tests are discovered
 * @param testClasspath the module's test classpath: test classes, main classes, test dependencies
 * @param launcherClasspath the segment launcher and the JUnit Platform Launcher matching the
 *     module's JUnit
 */
public record TestRuntime(
    Path java, Path testClassesDir, List<Path> testClasspath, List<Path> launcherClasspath) {

  public TestRuntime {
    testClasspath = List.copyOf(testClasspath);
    launcherClasspath = List.copyOf(launcherClasspath);
  }
}
