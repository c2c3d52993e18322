package io.segmented.maven;

import io.segmented.engine.RunRequest;
import io.segmented.engine.TestRuntime;
import io.segmented.manifest.Manifest;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import org.apache.maven.plugin.AbstractMojoExecutionException;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;

/**
 * Everything a run goal takes from Maven, as plain values: the module, its manifest and the
 * properties it is interpolated with, the parameters, and the test JVMs' runtime. The run goal runs
 * from them alone ({@link RunGoal}), in Maven's JVM or in the engine's JVM ({@link EngineFork}),
 * which gets them as one line ({@link #encode}).
 *
 * @param projectId the project's id, for messages
 * @param module the module's name (its artifact id)
 * @param basedir the module directory
 * @param manifest the manifest file
 * @param properties what the manifest's {@code ${…}} are interpolated with (the project's and the
 *     user's properties, as {@link ManifestProperties})
 * @param executionRoot where Maven runs, for GitHub's annotations
 * @param testSourceRoots the test sources, for GitHub's annotations
 * @param runtime the test JVMs' runtime, for the engine's JVM; empty in Maven's, which makes it
 *     itself, or when it could not be made, as {@code unresolved} says
 * @param judge whether the goal fails the build on a failed segment ({@code segment:run}) rather
 *     than leave it to {@code segment:verify}
 */
record RunInputs(
    String projectId,
    String module,
    Path basedir,
    Path manifest,
    Map<String, String> properties,
    Path reportsDir,
    Path workDir,
    Path testClassesDir,
    Path historyFile,
    Path executionRoot,
    List<Path> testSourceRoots,
    Selection selection,
    Options options,
    Optional<TestRuntime> runtime,
    Optional<Unresolved> unresolved,
    boolean judge) {

  RunInputs {
    properties = Map.copyOf(properties);
    testSourceRoots = List.copyOf(testSourceRoots);
  }

  /**
   * Why the test JVMs' runtime could not be made.
   *
   * @param fails whether that fails the build ({@code MojoFailureException}) rather than breaks it
   */
  record Unresolved(String message, boolean fails) {

    /** The build's exception of it. */
    AbstractMojoExecutionException exception() {
      return fails ? new MojoFailureException(message) : new MojoExecutionException(message);
    }
  }

  /** The runtime, or the exception of why there is none. */
  TestRuntime runtimeOrThrow() throws MojoExecutionException, MojoFailureException {
    if (runtime.isPresent()) {
      return runtime.get();
    }
    AbstractMojoExecutionException e =
        unresolved.orElse(new Unresolved("the test JVMs' runtime was not made", false)).exception();
    if (e instanceof MojoFailureException failure) {
      throw failure;
    }
    throw (MojoExecutionException) e;
  }

  /**
   * The {@code -D} options that choose segments, tests and their order, as given: null when not
   * given, as {@link RunRequest} takes them.
   */
  record Selection(
      String segments,
      String changedSince,
      String test,
      String groups,
      String excludedGroups,
      String shard,
      String provider,
      Optional<Integer> parallel,
      String runOrder,
      String keep) {}

  /** The run's switches, as given. */
  record Options(
      boolean failFast,
      boolean snapshots,
      boolean jvmBeside,
      boolean fastJvm,
      boolean cds,
      boolean failIfNoSpecifiedTests,
      boolean failOnAdvice,
      boolean failOnFlaky) {

    /** A plan's: every switch at its default but {@code failFast}, which orders the segments. */
    static Options defaults(boolean failFast) {
      return new Options(failFast, true, true, true, true, true, false, false);
    }
  }

  /** The engine's request: these inputs and the manifest as read. */
  RunRequest request(Manifest loaded) {
    return RunRequest.builder(module, basedir, loaded)
        .reportsDir(reportsDir)
        .workDir(workDir)
        .testClassesDir(testClassesDir)
        .historyFile(historyFile)
        .segments(selection.segments())
        .changedSince(selection.changedSince())
        .tests(selection.test(), selection.groups(), selection.excludedGroups())
        .shard(selection.shard())
        .provider(selection.provider())
        .parallel(selection.parallel().orElse(null))
        .runOrder(selection.runOrder())
        .keep(selection.keep())
        .failFast(options.failFast())
        .snapshots(options.snapshots())
        .jvmBeside(options.jvmBeside())
        .fastJvm(options.fastJvm())
        .classData(options.cds())
        .build();
  }

  /** The same inputs with {@code runtime}, or without one for the reason {@code unresolved}. */
  RunInputs withRuntime(Optional<TestRuntime> runtime, Optional<Unresolved> unresolved) {
    return new RunInputs(
        projectId,
        module,
        basedir,
        manifest,
        properties,
        reportsDir,
        workDir,
        testClassesDir,
        historyFile,
        executionRoot,
        testSourceRoots,
        selection,
        options,
        runtime,
        unresolved,
        judge);
  }

  /** One line of text (no line break in it) that {@link #decode} reads back. */
  String encode() {
    Properties p = new Properties();
    p.setProperty("projectId", projectId);
    p.setProperty("module", module);
    p.setProperty("basedir", basedir.toString());
    p.setProperty("manifest", manifest.toString());
    properties.forEach((k, v) -> p.setProperty("property." + k, v));
    p.setProperty("reportsDir", reportsDir.toString());
    p.setProperty("workDir", workDir.toString());
    p.setProperty("testClassesDir", testClassesDir.toString());
    p.setProperty("historyFile", historyFile.toString());
    p.setProperty("executionRoot", executionRoot.toString());
    putPaths(p, "testSourceRoots", testSourceRoots);
    put(p, "segments", selection.segments());
    put(p, "changedSince", selection.changedSince());
    put(p, "test", selection.test());
    put(p, "groups", selection.groups());
    put(p, "excludedGroups", selection.excludedGroups());
    put(p, "shard", selection.shard());
    put(p, "provider", selection.provider());
    selection.parallel().ifPresent(n -> p.setProperty("parallel", n.toString()));
    put(p, "runOrder", selection.runOrder());
    put(p, "keep", selection.keep());
    p.setProperty("failFast", Boolean.toString(options.failFast()));
    p.setProperty("snapshots", Boolean.toString(options.snapshots()));
    p.setProperty("jvmBeside", Boolean.toString(options.jvmBeside()));
    p.setProperty("fastJvm", Boolean.toString(options.fastJvm()));
    p.setProperty("cds", Boolean.toString(options.cds()));
    p.setProperty("failIfNoSpecifiedTests", Boolean.toString(options.failIfNoSpecifiedTests()));
    p.setProperty("failOnAdvice", Boolean.toString(options.failOnAdvice()));
    p.setProperty("failOnFlaky", Boolean.toString(options.failOnFlaky()));
    runtime.ifPresent(
        r -> {
          p.setProperty("runtime.java", r.java().toString());
          p.setProperty("runtime.testClassesDir", r.testClassesDir().toString());
          putPaths(p, "runtime.testClasspath", r.testClasspath());
          putPaths(p, "runtime.launcherClasspath", r.launcherClasspath());
        });
    unresolved.ifPresent(
        u -> {
          p.setProperty("unresolved.message", u.message());
          p.setProperty("unresolved.fails", Boolean.toString(u.fails()));
        });
    p.setProperty("judge", Boolean.toString(judge));
    return EngineLines.write(p);
  }

  /** The inputs {@link #encode} wrote. */
  static RunInputs decode(String line) {
    Properties p = EngineLines.read(line);
    Map<String, String> properties = new TreeMap<>();
    p.stringPropertyNames().stream()
        .filter(k -> k.startsWith("property."))
        .forEach(k -> properties.put(k.substring("property.".length()), p.getProperty(k)));
    Optional<TestRuntime> runtime =
        p.containsKey("runtime.java")
            ? Optional.of(
                new TestRuntime(
                    path(p, "runtime.java"),
                    path(p, "runtime.testClassesDir"),
                    paths(p, "runtime.testClasspath"),
                    paths(p, "runtime.launcherClasspath")))
            : Optional.empty();
    return new RunInputs(
        p.getProperty("projectId"),
        p.getProperty("module"),
        path(p, "basedir"),
        path(p, "manifest"),
        properties,
        path(p, "reportsDir"),
        path(p, "workDir"),
        path(p, "testClassesDir"),
        path(p, "historyFile"),
        path(p, "executionRoot"),
        paths(p, "testSourceRoots"),
        new Selection(
            p.getProperty("segments"),
            p.getProperty("changedSince"),
            p.getProperty("test"),
            p.getProperty("groups"),
            p.getProperty("excludedGroups"),
            p.getProperty("shard"),
            p.getProperty("provider"),
            Optional.ofNullable(p.getProperty("parallel")).map(Integer::valueOf),
            p.getProperty("runOrder"),
            p.getProperty("keep")),
        new Options(
            flag(p, "failFast"),
            flag(p, "snapshots"),
            flag(p, "jvmBeside"),
            flag(p, "fastJvm"),
            flag(p, "cds"),
            flag(p, "failIfNoSpecifiedTests"),
            flag(p, "failOnAdvice"),
            flag(p, "failOnFlaky")),
        runtime,
        Optional.ofNullable(p.getProperty("unresolved.message"))
            .map(m -> new Unresolved(m, flag(p, "unresolved.fails"))),
        flag(p, "judge"));
  }

  /** Sets {@code key} unless {@code value} is null, which {@code getProperty} then gives back. */
  private static void put(Properties p, String key, String value) {
    if (value != null) {
      p.setProperty(key, value);
    }
  }

  private static void putPaths(Properties p, String key, List<Path> paths) {
    p.setProperty(key + ".size", Integer.toString(paths.size()));
    for (int i = 0; i < paths.size(); i++) {
      p.setProperty(key + "." + i, paths.get(i).toString());
    }
  }

  private static List<Path> paths(Properties p, String key) {
    int size = Integer.parseInt(p.getProperty(key + ".size"));
    List<Path> paths = new ArrayList<>(size);
    for (int i = 0; i < size; i++) {
      paths.add(Path.of(p.getProperty(key + "." + i)));
    }
    return paths;
  }

  private static Path path(Properties p, String key) {
    return Path.of(p.getProperty(key));
  }

  private static boolean flag(Properties p, String key) {
    return Boolean.parseBoolean(p.getProperty(key));
  }
}
