package io.segmented.engine.fork;

import io.segmented.launcher.SecretMask;
import io.segmented.launcher.SegmentLauncher;
import java.io.File;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** Real test JVMs that run the real launcher over one sample test class of these tests. */
final class SampleJvms {

  private SampleJvms() {}

  /** The {@code java} executable of this JVM. */
  static Path java() {
    return Path.of(System.getProperty("java.home"), "bin", "java");
  }

  /** This JVM's classpath: the launcher, JUnit and the samples are on it. */
  static List<Path> classpath() {
    return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
        .map(Path::of)
        .toList();
  }

  /**
   * A JVM on this test's classpath that runs {@code sample} (and its nested classes) with the
   * launcher, its events in {@code dir/events.txt}, its output in {@code dir/test-jvm.log}.
   */
  static TestJvm.Spec launching(Path dir, Class<?> sample, Map<String, String> properties)
      throws Exception {
    Path testClasses = Path.of(sample.getProtectionDomain().getCodeSource().getLocation().toURI());
    return new TestJvm.Spec(
        java(),
        classpath(),
        List.of(),
        properties,
        Map.of(),
        SegmentLauncher.class.getName(),
        List.of(
            "--events",
            dir.resolve("events.txt").toString(),
            "--classes-dir",
            testClasses.toString(),
            "--include-class",
            sample.getName().replace(".", "\\.") + "(\\$.*)?"),
        dir,
        dir.resolve("jvm.args"),
        dir.resolve("test-jvm.log"),
        SecretMask.NONE,
        false,
        failed -> {});
  }
}
