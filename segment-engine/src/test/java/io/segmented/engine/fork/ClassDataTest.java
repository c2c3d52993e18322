package io.segmented.engine.fork;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Class-data archives made and mapped by real JVMs: a "dependency" jar and a folder of "test
 * classes" that use it, compiled here; two programs that load different classes of the JDK, as two
 * segments' tests do.
 */
class ClassDataTest {

  private static final Path JAVA = Path.of(System.getProperty("java.home"), "bin", "java");
  private static final List<String> OPTIONS =
      List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx64m");
  private static final Duration LIMIT = Duration.ofMinutes(1);

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
    write(
        src.resolve("app/Zips.java"),
        "package app; public class Zips { public static void main(String[] a) throws Exception {"
            + " java.util.zip.ZipOutputStream z = new java.util.zip.ZipOutputStream("
            + " new java.io.ByteArrayOutputStream());"
            + " z.putNextEntry(new java.util.zip.ZipEntry(\"x\")); z.close();"
            + " System.out.println(lib.Greeter.greet() + \", zipped\"); } }");
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
                src.resolve("app/Main.java").toString(),
                src.resolve("app/Zips.java").toString());
    assertEquals(0, compiled, "compiles");
    jar = dir.resolve("lib.jar");
    try (JarOutputStream zip = new JarOutputStream(Files.newOutputStream(jar))) {
      zip.putNextEntry(new JarEntry("lib/Greeter.class"));
      zip.write(Files.readAllBytes(out.resolve("lib/Greeter.class")));
      zip.putNextEntry(new JarEntry("lib/greeting.properties"));
      zip.write("greeting=jar\n".getBytes(StandardCharsets.UTF_8));
      zip.putNextEntry(new JarEntry("module-info.class"));
      zip.write(new byte[] {1});
      zip.closeEntry();
    }
    classes = dir.resolve("test-classes");
    Files.createDirectories(classes.resolve("app"));
    Files.copy(out.resolve("app/Main.class"), classes.resolve("app/Main.class"));
    Files.copy(out.resolve("app/Zips.class"), classes.resolve("app/Zips.class"));
    write(classes.resolve("module-info.class"), "not shadowing anything a test reads");
    work = dir.resolve("segment-work");
  }

  @Test
  void aSecondRunMapsTheJarsClassesFromTheArchiveTheFirstMade() throws Exception {
    ClassData first = new ClassData(work);
    ClassData.Launch listing = launch(first, "a", dir.resolve("a.lst"));
    assertEquals(List.of(jar, classes), listing.classpath(), "the jars first, the folders after");
    assertEquals(List.of("-XX:DumpLoadedClassList=" + dir.resolve("a.lst")), listing.jvmArgs());
    assertTrue(run(listing, "app.Main", List.of()).contains("hello from the jar"));
    listing.ran();

    List<ClassData.Written> written = first.write(LIMIT);
    assertEquals(1, written.size());
    assertTrue(written.get(0).ok(), written.get(0).failure().orElse(""));
    Path file = written.get(0).file().orElseThrow();
    assertTrue(Files.isRegularFile(file));
    assertTrue(
        written.get(0).classes() > 100, "the JDK's classes too: " + written.get(0).classes());
    assertTrue(first.write(LIMIT).isEmpty(), "written once");

    ClassData second = new ClassData(work);
    ClassData.Launch mapping = launch(second, "a", dir.resolve("a2.lst"));
    assertEquals(List.of("-XX:SharedArchiveFile=" + file), mapping.jvmArgs());
    String loaded = run(mapping, "app.Main", List.of("-Xlog:class+load=info"));
    assertTrue(
        loaded.lines().anyMatch(l -> l.contains("lib.Greeter source: shared objects file")),
        "the jar's class comes from the archive:\n" + grep(loaded, "Greeter"));
    assertTrue(
        loaded.lines().anyMatch(l -> l.contains("app.Main source: file:")),
        "the folder's class from the folder:\n" + grep(loaded, "app.Main"));
    mapping.ran();
    assertTrue(second.write(LIMIT).isEmpty(), "nothing new to write");
  }

  @Test
  void twoSegmentsThatLoadDifferentClassesShareOneArchive() throws Exception {
    ClassData first = new ClassData(work);
    ClassData.Launch a = launch(first, "a", dir.resolve("a.lst"));
    ClassData.Launch b = launch(first, "b", dir.resolve("b.lst"));
    run(a, "app.Main", List.of());
    assertTrue(run(b, "app.Zips", List.of()).contains("zipped"));
    a.ran();
    b.ran();
    ClassData.Written written = first.write(LIMIT).get(0);
    assertTrue(written.ok(), written.failure().orElse(""));
    Path file = written.file().orElseThrow();
    List<String> list =
        Files.readAllLines(Path.of(file.toString().replaceFirst("\\.jsa$", ".classes")));
    assertEquals("# segments: a b", list.get(0));
    assertTrue(list.contains("java/util/zip/ZipOutputStream"), "b's classes are in it");
    assertEquals(Set.copyOf(list).size(), list.size(), "each line once");

    String loaded =
        run(launch(new ClassData(work), "b", null), "app.Zips", List.of("-Xlog:class+load=info"));
    assertTrue(
        loaded
            .lines()
            .anyMatch(l -> l.contains("java.util.zip.ZipOutputStream source: shared objects file")),
        grep(loaded, "ZipOutputStream"));
  }

  @Test
  void aSegmentTheArchiveDoesNotHoldListsItsClassesAndJoinsIt() throws Exception {
    ClassData first = new ClassData(work);
    ClassData.Launch a = launch(first, "a", dir.resolve("a.lst"));
    run(a, "app.Main", List.of());
    a.ran();
    Path file = first.write(LIMIT).get(0).file().orElseThrow();

    ClassData second = new ClassData(work);
    ClassData.Launch b = launch(second, "b", dir.resolve("b.lst"));
    assertEquals(List.of("-XX:DumpLoadedClassList=" + dir.resolve("b.lst")), b.jvmArgs());
    assertEquals(
        List.of("-XX:SharedArchiveFile=" + file), launch(second, "a", null).jvmArgs(), "a is held");
    run(b, "app.Zips", List.of());
    b.ran();
    assertTrue(second.write(LIMIT).get(0).ok());
    String list = Files.readString(Path.of(file.toString().replaceFirst("\\.jsa$", ".classes")));
    assertTrue(list.startsWith("# segments: a b\n"), list.lines().findFirst().orElse(""));

    ClassData third = new ClassData(work);
    assertEquals(List.of("-XX:SharedArchiveFile=" + file), launch(third, "b", null).jvmArgs());
  }

  @Test
  void aJvmThatDidNotRunItsTestsToTheEndListsNothing() throws Exception {
    ClassData data = new ClassData(work);
    ClassData.Launch crashed = launch(data, "a", dir.resolve("a.lst"));
    run(crashed, "app.Main", List.of());
    // no ran(): it crashed, timed out or was stopped
    assertTrue(data.write(LIMIT).isEmpty());
    assertFalse(Files.exists(work.resolve(ClassData.FOLDER)), "no archive, no folder");
    assertEquals(
        List.of("-XX:DumpLoadedClassList=" + dir.resolve("a2.lst")),
        launch(new ClassData(work), "a", dir.resolve("a2.lst")).jvmArgs(),
        "listed again in the next run");
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
    ClassData.Launch a = launch(first, "a", dir.resolve("a.lst"));
    run(a, "app.Main", List.of());
    a.ran();
    Path old = first.write(LIMIT).get(0).file().orElseThrow();
    Files.setLastModifiedTime(
        jar, FileTime.fromMillis(Files.getLastModifiedTime(jar).toMillis() + 5000));

    ClassData.Launch again = launch(new ClassData(work), "a", dir.resolve("a2.lst"));
    assertEquals(List.of("-XX:DumpLoadedClassList=" + dir.resolve("a2.lst")), again.jvmArgs());
    assertFalse(again.jvmArgs().toString().contains(old.getFileName().toString()));
  }

  @Test
  void theNewestArchivesAreKeptAndWhatAKilledDumpLeftIsRemoved() throws Exception {
    Path folder = work.resolve(ClassData.FOLDER);
    Files.createDirectories(folder);
    long now = System.currentTimeMillis();
    for (String key : List.of("0000000000000001", "0000000000000002", "0000000000000003")) {
      for (String suffix : List.of(".jsa", ".classes", ".log")) {
        Path p = Files.writeString(folder.resolve(key + suffix), "old");
        long age = Long.parseLong(key.substring(15)) * 60_000;
        Files.setLastModifiedTime(p, FileTime.fromMillis(now - age));
      }
    }
    Path abandoned = Files.writeString(folder.resolve("0000000000000004.jsa.123-456"), "half");
    Files.setLastModifiedTime(abandoned, FileTime.fromMillis(now - 11 * 60_000));
    Path underWay = Files.writeString(folder.resolve("0000000000000005.jsa.123-789"), "half");

    ClassData data = new ClassData(work);
    ClassData.Launch a = launch(data, "a", dir.resolve("a.lst"));
    run(a, "app.Main", List.of());
    a.ran();
    assertTrue(data.write(LIMIT).get(0).ok());

    assertTrue(Files.exists(folder.resolve("0000000000000001.jsa")), "the newest old one");
    assertTrue(Files.exists(folder.resolve("0000000000000002.classes")));
    for (String suffix : List.of(".jsa", ".classes", ".log")) {
      assertFalse(Files.exists(folder.resolve("0000000000000003" + suffix)), "the oldest");
    }
    assertFalse(Files.exists(abandoned), "left by a killed build");
    assertTrue(Files.exists(underWay), "maybe another build's dump under way");
  }

  @Test
  void aFileInTheFoldersAndInAJarKeepsMavensOrderAndTheRunSaysWhich() throws Exception {
    write(classes.resolve("lib/greeting.properties"), "greeting=folder\n");
    List<Path> classpath = List.of(classes, jar);
    ClassData data = new ClassData(work);
    ClassData.Launch launch =
        data.launch("a", JAVA, classpath, OPTIONS, n -> null, dir.resolve("a.lst"));
    assertEquals(classpath, launch.classpath());
    assertEquals(List.of(), launch.jvmArgs());
    List<ClassData.Written> written = data.write(LIMIT);
    assertEquals(1, written.size());
    assertEquals(Optional.empty(), written.get(0).file());
    String why = written.get(0).failure().orElseThrow();
    assertTrue(
        why.startsWith(
            classes.resolve("lib/greeting.properties") + " is also in " + jar + ", so the test"),
        why);
  }

  @Test
  void aFileTheCompileWroteAfterTheFirstLaunchThatAJarAlsoHasNoLongerFitsAndKeepsMavensOrder()
      throws Exception {
    List<Path> classpath = List.of(classes, jar);
    ClassData data = new ClassData(work);
    ClassData.Launch before =
        data.launch("a", JAVA, classpath, OPTIONS, n -> null, dir.resolve("a.lst"));
    assertEquals(List.of(jar, classes), before.classpath(), "the jars first");
    assertTrue(data.stillFits(classpath));

    // the compile writes a class that the jar has too
    write(classes.resolve("lib/greeting.properties"), "greeting=folder\n");

    assertFalse(data.stillFits(classpath));
    ClassData.Launch after =
        data.launch("b", JAVA, classpath, OPTIONS, n -> null, dir.resolve("b.lst"));
    assertEquals(classpath, after.classpath(), "decided again: Maven's order");
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
  void onlyTheOptionsThatChangeAnArchivesLayoutMakeAnotherArchive() throws Exception {
    assertEquals(List.of(), ClassData.options(List.of("-Xmx256m", "-XX:+UseG1GC", "-Xss1m")));
    assertEquals(List.of("-XX:-UseCompressedOops"), ClassData.options(List.of("-Xmx64g")));
    assertEquals(List.of(), ClassData.options(List.of("-Xmx31g")));
    assertEquals(
        List.of("--add-opens", "java.base/java.util=ALL-UNNAMED", "--add-exports=a/b=ALL-UNNAMED"),
        ClassData.options(
            List.of(
                "--add-opens",
                "java.base/java.util=ALL-UNNAMED",
                "-ea",
                "--add-exports=a/b=ALL-UNNAMED")));
    assertEquals(
        List.of("-XX:-UseCompressedClassPointers", "-XX:ObjectAlignmentInBytes=16"),
        ClassData.options(
            List.of("-XX:-UseCompressedClassPointers", "-XX:ObjectAlignmentInBytes=16", "-ea")));

    ClassData first = new ClassData(work);
    ClassData.Launch serial = launch(first, "a", dir.resolve("a.lst"));
    run(serial, "app.Main", List.of());
    serial.ran();
    Path file = first.write(LIMIT).get(0).file().orElseThrow();
    List<String> g1 = List.of("-XX:+UseG1GC", "-Xmx128m");
    ClassData.Launch other =
        new ClassData(work).launch("a", JAVA, List.of(classes, jar), g1, n -> null, null);
    assertEquals(List.of("-XX:SharedArchiveFile=" + file), other.jvmArgs(), "the same archive");
    List<String> command = new ArrayList<>(List.of(JAVA.toString()));
    command.addAll(other.jvmArgs());
    command.addAll(g1);
    command.addAll(List.of("-Xlog:class+load=info", "-cp", jar + File.pathSeparator + classes));
    command.add("app.Main");
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(60, TimeUnit.SECONDS));
    assertTrue(
        out.lines().anyMatch(l -> l.contains("lib.Greeter source: shared objects file")),
        "mapped under another collector and heap:\n" + grep(out, "Greeter"));
  }

  @Test
  void classListsOfNewerJdksMergeWithoutTheirIds() throws IOException {
    Path one =
        Files.writeString(
            dir.resolve("one.lst"),
            "# NOTE: Do not modify this file.\n"
                + "java/lang/Object id: 0\n"
                + "java/util/zip/ZipFile id: 1\n"
                + "@lambda-proxy app/Main run ()V\n"
                + "app/Custom id: 2 super: 0 source: /some/dir\n");
    Path two =
        Files.writeString(
            dir.resolve("two.lst"), "java/lang/Object id: 0\njava/lang/String id: 1\n");
    assertEquals(
        List.of(
            "java/lang/Object",
            "java/util/zip/ZipFile",
            "@lambda-proxy app/Main run ()V",
            "java/lang/String"),
        List.copyOf(ClassLists.merged(List.of(one, two, dir.resolve("missing.lst")))));
    assertEquals(
        3, ClassLists.classes(ClassLists.merged(List.of(one, two))), "the lambda form not counted");
  }

  @Test
  void noArchivesLeavesTheJvmAsItIs() {
    List<Path> classpath = List.of(classes, jar);
    ClassData.Launch launch =
        ClassData.none().launch("a", JAVA, classpath, OPTIONS, n -> null, dir.resolve("a.lst"));
    assertEquals(classpath, launch.classpath());
    assertEquals(List.of(), launch.jvmArgs());
  }

  @Test
  void jdkReleases() {
    assertEquals(17, JdkRelease.feature("17.0.15"));
    assertEquals(25, JdkRelease.feature("25"));
    assertEquals(8, JdkRelease.feature("1.8.0_392"));
    assertEquals(0, JdkRelease.feature("unknown"));
    assertTrue(JdkRelease.feature(JdkRelease.version(JAVA).orElseThrow()) >= 17);
    assertTrue(JdkRelease.identity(JAVA).orElseThrow().startsWith(JdkRelease.version(JAVA).get()));
    assertEquals(Optional.empty(), JdkRelease.identity(dir.resolve("bin/java")), "no JDK there");
  }

  private ClassData.Launch launch(ClassData data, String segment, Path classList) {
    return data.launch(segment, JAVA, List.of(classes, jar), OPTIONS, n -> null, classList);
  }

  /** Runs {@code main} as {@code launch} says, with the options; its output. */
  private static String run(ClassData.Launch launch, String main, List<String> more)
      throws Exception {
    List<String> command = new ArrayList<>(List.of(JAVA.toString()));
    command.addAll(launch.jvmArgs());
    command.addAll(OPTIONS);
    command.addAll(more);
    command.add("-cp");
    command.add(
        String.join(File.pathSeparator, launch.classpath().stream().map(Path::toString).toList()));
    command.add(main);
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(60, TimeUnit.SECONDS));
    assertEquals(0, p.exitValue(), out);
    return out;
  }

  private static String grep(String text, String what) {
    return String.join("\n", text.lines().filter(l -> l.contains(what)).toList());
  }

  private static void write(Path file, String text) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
  }
}
