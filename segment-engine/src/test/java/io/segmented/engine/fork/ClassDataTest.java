package io.segmented.engine.fork;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Class-data archives made and mapped by real JVMs: a "dependency" jar and a folder of "test
 * classes" that use it, compiled here.
 */
class ClassDataTest {

  private static final Path JAVA = Path.of(System.getProperty("java.home"), "bin", "java");

  @TempDir Path dir;
  private Path jar;
  private Path classes;
  private Path work;

  @BeforeEach
  void compile() throws IOException {
    Path src = dir.resolve("src");
    write(
        src.resolve("lib/Greeter.java"),
        "package lib; public class Greeter {"
            + " public static String greet() { return \"hello from the jar\"; } }");
    write(
        src.resolve("app/Main.java"),
        "package app; public class Main {"
            + " public static void main(String[] a) { System.out.println(lib.Greeter.greet()); } }");
    Path out = dir.resolve("out");
    Files.createDirectories(out);
    int compiled =
        ToolProvider.getSystemJavaCompiler()
            .run(
                null,
                null,
                null,
                "-d",
                out.toString(),
                src.resolve("lib/Greeter.java").toString(),
                src.resolve("app/Main.java").toString());
    assertEquals(0, compiled, "compiles");
    jar = dir.resolve("lib.jar");
    try (JarOutputStream zip = new JarOutputStream(Files.newOutputStream(jar))) {
      zip.putNextEntry(new JarEntry("lib/Greeter.class"));
      zip.write(Files.readAllBytes(out.resolve("lib/Greeter.class")));
      zip.putNextEntry(new JarEntry("lib/greeting.properties"));
      zip.write("greeting=jar\n".getBytes(StandardCharsets.UTF_8));
      zip.closeEntry();
    }
    classes = dir.resolve("test-classes");
    Files.createDirectories(classes.resolve("app"));
    Files.copy(out.resolve("app/Main.class"), classes.resolve("app/Main.class"));
    work = dir.resolve("segment-work");
  }

  @Test
  void aSecondRunMapsTheJarsClassesFromTheArchiveTheFirstMade() throws Exception {
    ClassData first = new ClassData(work);
    ClassData.Launch listing = launch(first, "a", dir.resolve("a.lst"));
    assertEquals(List.of(jar, classes), listing.classpath(), "the jars first, the folders after");
    assertEquals(List.of("-XX:DumpLoadedClassList=" + dir.resolve("a.lst")), listing.jvmArgs());
    assertTrue(run(listing, List.of()).contains("hello from the jar"));

    List<ClassData.Written> written = first.write(Duration.ofMinutes(1));
    assertEquals(1, written.size());
    assertTrue(written.get(0).ok(), written.get(0).failure());
    assertTrue(Files.isRegularFile(written.get(0).file()));
    assertTrue(
        written.get(0).classes() > 100, "the JDK's classes too: " + written.get(0).classes());
    assertTrue(first.write(Duration.ofMinutes(1)).isEmpty(), "written once");

    ClassData second = new ClassData(work);
    ClassData.Launch mapping = launch(second, "a", dir.resolve("a2.lst"));
    assertEquals(List.of("-XX:SharedArchiveFile=" + written.get(0).file()), mapping.jvmArgs());
    String loaded = run(mapping, List.of("-Xlog:class+load=info"));
    assertTrue(
        loaded.lines().anyMatch(l -> l.contains("lib.Greeter source: shared objects file")),
        "the jar's class comes from the archive:\n" + grep(loaded, "Greeter"));
    assertTrue(
        loaded.lines().anyMatch(l -> l.contains("app.Main source: file:")),
        "the folder's class from the folder:\n" + grep(loaded, "app.Main"));
    assertTrue(second.write(Duration.ofMinutes(1)).isEmpty(), "nothing new to write");
  }

  @Test
  void aSegmentTheArchiveDoesNotHoldListsItsClassesAndJoinsIt() throws Exception {
    ClassData first = new ClassData(work);
    run(launch(first, "a", dir.resolve("a.lst")), List.of());
    Path file = first.write(Duration.ofMinutes(1)).get(0).file();

    ClassData second = new ClassData(work);
    ClassData.Launch b = launch(second, "b", dir.resolve("b.lst"));
    assertEquals(List.of("-XX:DumpLoadedClassList=" + dir.resolve("b.lst")), b.jvmArgs());
    assertEquals(
        List.of("-XX:SharedArchiveFile=" + file), launch(second, "a", null).jvmArgs(), "a is held");
    run(b, List.of());
    assertTrue(second.write(Duration.ofMinutes(1)).get(0).ok());
    String list = Files.readString(Path.of(file.toString().replaceFirst("\\.jsa$", ".classes")));
    assertTrue(list.startsWith("# segments: a b\n"), list.lines().findFirst().orElse(""));

    ClassData third = new ClassData(work);
    assertEquals(List.of("-XX:SharedArchiveFile=" + file), launch(third, "b", null).jvmArgs());
  }

  @Test
  void aRetryListsNothing() {
    ClassData.Launch retry = launch(new ClassData(work), "a", null);
    assertEquals(List.of(jar, classes), retry.classpath());
    assertEquals(List.of(), retry.jvmArgs());
  }

  @Test
  void aChangedJarIsAnotherArchive() throws Exception {
    ClassData first = new ClassData(work);
    run(launch(first, "a", dir.resolve("a.lst")), List.of());
    Path old = first.write(Duration.ofMinutes(1)).get(0).file();
    Files.setLastModifiedTime(
        jar, FileTime.fromMillis(Files.getLastModifiedTime(jar).toMillis() + 5000));

    ClassData.Launch again = launch(new ClassData(work), "a", dir.resolve("a2.lst"));
    assertEquals(List.of("-XX:DumpLoadedClassList=" + dir.resolve("a2.lst")), again.jvmArgs());
    assertFalse(again.jvmArgs().toString().contains(old.getFileName().toString()));
  }

  @Test
  void aFileInTheFoldersAndInAJarKeepsMavensOrder() throws IOException {
    write(classes.resolve("lib/greeting.properties"), "greeting=folder\n");
    List<Path> classpath = List.of(classes, jar);
    ClassData.Launch launch =
        new ClassData(work)
            .launch("a", JAVA, classpath, List.of(), n -> null, dir.resolve("a.lst"));
    assertEquals(classpath, launch.classpath());
    assertEquals(List.of(), launch.jvmArgs());
  }

  @Test
  void optionsThatChooseWhatTheJvmSharesAreLeftAlone() {
    List<Path> classpath = List.of(classes, jar);
    ClassData data = new ClassData(work);
    for (String own : List.of("-Xshare:off", "-XX:SharedArchiveFile=/own.jsa", "-XX:AOTCache=a")) {
      ClassData.Launch launch =
          data.launch("a", JAVA, classpath, List.of(own), n -> null, dir.resolve("a.lst"));
      assertEquals(classpath, launch.classpath(), own);
      assertEquals(List.of(), launch.jvmArgs(), own);
    }
    ClassData.Launch fromEnv =
        data.launch(
            "a",
            JAVA,
            classpath,
            List.of(),
            n -> n.equals("JAVA_TOOL_OPTIONS") ? "-Xshare:off" : null,
            dir.resolve("a.lst"));
    assertEquals(classpath, fromEnv.classpath());
  }

  @Test
  void noArchivesLeavesTheJvmAsItIs() {
    List<Path> classpath = List.of(classes, jar);
    ClassData.Launch launch =
        ClassData.none().launch("a", JAVA, classpath, List.of(), n -> null, dir.resolve("a.lst"));
    assertEquals(classpath, launch.classpath());
    assertEquals(List.of(), launch.jvmArgs());
  }

  @Test
  void featureReleases() {
    assertEquals(17, JdkRelease.feature("17.0.15"));
    assertEquals(25, JdkRelease.feature("25"));
    assertEquals(8, JdkRelease.feature("1.8.0_392"));
    assertEquals(0, JdkRelease.feature("unknown"));
    assertTrue(JdkRelease.feature(JdkRelease.version(JAVA).orElseThrow()) >= 17);
  }

  private ClassData.Launch launch(ClassData data, String segment, Path classList) {
    return data.launch(
        segment,
        JAVA,
        List.of(classes, jar),
        List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx64m"),
        n -> null,
        classList);
  }

  /** Runs {@code app.Main} as {@code launch} says, with the options; its output. */
  private static String run(ClassData.Launch launch, List<String> more) throws Exception {
    List<String> command = new ArrayList<>(List.of(JAVA.toString()));
    command.addAll(launch.jvmArgs());
    command.addAll(List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx64m"));
    command.addAll(more);
    command.add("-cp");
    command.add(
        String.join(
            java.io.File.pathSeparator, launch.classpath().stream().map(Path::toString).toList()));
    command.add("app.Main");
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(60, TimeUnit.SECONDS));
    assertEquals(0, p.exitValue(), out);
    return out;
  }

  private static String grep(String text, String what) {
    try (Stream<String> lines = text.lines()) {
      return String.join("\n", lines.filter(l -> l.contains(what)).toList());
    }
  }

  private static void write(Path file, String text) throws IOException {
    Files.createDirectories(file.getParent());
    try (OutputStream out = Files.newOutputStream(file)) {
      out.write(text.getBytes(StandardCharsets.UTF_8));
    }
  }
}
