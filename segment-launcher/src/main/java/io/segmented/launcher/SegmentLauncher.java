package io.segmented.launcher;

import static org.junit.platform.engine.discovery.ClassNameFilter.excludeClassNamePatterns;
import static org.junit.platform.engine.discovery.ClassNameFilter.includeClassNamePatterns;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClasspathRoots;

import java.io.BufferedWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.platform.engine.Filter;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.engine.discovery.PackageNameFilter;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TagFilter;
import org.junit.platform.launcher.TestPlan;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * The main class of a forked test JVM: discovers the segment's tests in the module's test classes
 * and runs them with the JUnit Platform Launcher, writing one event a line to the events file.
 *
 * <p>Arguments: {@code --events FILE --classes-dir DIR [--include-class REGEX] [--exclude-class
 * REGEX] [--include-package NAME] [--include-tag EXPR] [--exclude-tag EXPR] [--test
 * [!]CLASSREGEX[#METHODREGEX]] [--groups EXPR] [--excluded-groups EXPR] [--select-unique-id ID]
 * [--restore-port PORT --restore-at class|test] [--await-handoff true] [--await-discover true]},
 * each option repeatable; {@code --test}, {@code --groups} and {@code --excluded-groups} are the
 * build's {@code -Dit.test}, {@code -Dgroups} and {@code -DexcludedGroups} ({@link
 * TestPatternFilter}); unique ids (a retry) select exactly those tests and ignore the filters; a
 * restore port makes the JVM ask the engine to restore the segment's data before each class or test
 * ({@link RestoreClient}). Exit code 0 when the tests ran, whatever their outcome (outcomes are in
 * the events); 2 for bad arguments; {@value RestoreClient#RESTORE_FAILED} when a restore failed.
 * With {@code --await-handoff true} the JVM discovers the tests, then waits on its standard input
 * for what its command line does not carry ({@link FixtureHandoff}): the fixtures' attributes when
 * it was started beside them, the system properties that hold secrets, and the secrets to mask in
 * the events file; {@value #EXIT_NOT_HANDED_OFF} when they never came. With {@code --await-discover
 * true} (a JVM started while Maven still compiles) it first waits for the line {@value #DISCOVER}
 * on its standard input, and exits with {@value #EXIT_NOT_HANDED_OFF} when that never comes.
 */
public final class SegmentLauncher {

  /** The exit code of a JVM awaiting its handoff that never got it. */
  static final int EXIT_NOT_HANDED_OFF = 3;

  /**
   * The environment variable that holds the restore token of a JVM started with {@code
   * --restore-port} (one started beside its fixtures gets it in its handoff instead): never on the
   * command line, which is written to a file and visible to every local user.
   */
  public static final String RESTORE_TOKEN_ENV = "SEGMENT_RESTORE_TOKEN";

  private SegmentLauncher() {}

  public static void main(String[] args) throws IOException {
    exitWithParent();
    Arguments arguments;
    try {
      arguments = Arguments.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println("segment-launcher: " + e.getMessage());
      System.exit(2);
      return;
    }
    // the standard output as it is before any test could replace System.out
    PrintStream stdout = System.out;
    try (BufferedWriter out = Files.newBufferedWriter(arguments.events, StandardCharsets.UTF_8)) {
      EventWriter events = new EventWriter(out, stdout);
      if (arguments.awaitDiscover && !awaitDiscover(System.in)) {
        // started ahead of a compile whose tests never came (a failed build, a dropped start)
        System.exit(EXIT_NOT_HANDED_OFF);
        return;
      }
      Launcher launcher = LauncherFactory.create();
      TestPlan plan = launcher.discover(arguments.request(true));
      long found = count(plan);
      long beforeBuildFilters =
          found == 0 && arguments.hasBuildFilters()
              ? count(launcher.discover(arguments.request(false)))
              : found;
      events.write(Event.RUN_STARTED, String.valueOf(found), String.valueOf(beforeBuildFilters));
      out.flush();
      if (arguments.awaitHandoff) {
        // the tests are discovered and loaded: they run once the JVM is handed what they need
        FixtureHandoff handoff = FixtureHandoff.read(System.in);
        if (handoff == null) {
          System.exit(EXIT_NOT_HANDED_OFF);
          return;
        }
        try {
          handoff.apply();
        } catch (ReflectiveOperationException | RuntimeException e) {
          System.err.println(
              "segment-launcher: cannot set the fixtures' environment variables in this JVM: " + e);
          System.exit(EXIT_NOT_HANDED_OFF);
          return;
        }
        events.mask(SecretMask.of(handoff.secrets()));
        if (handoff.restorePort() > 0) {
          arguments.restorePort = handoff.restorePort();
          arguments.restoreToken = handoff.restoreToken();
        }
      }
      if (arguments.restorePort > 0) {
        try (RestoreClient restores =
            new RestoreClient(
                arguments.restorePort,
                arguments.restoreToken,
                arguments.restoreAt.contains("class"),
                arguments.restoreAt.contains("test"))) {
          // The restore listener first: the data is back before the test is reported as started.
          launcher.execute(plan, restores, new EventListener(events));
        }
      } else {
        launcher.execute(plan, new EventListener(events));
      }
      events.write(Event.RUN_FINISHED);
    }
    // The events file is complete and closed: the build may take the results now, while this JVM
    // exits (its shutdown hooks, then HotSpot's wait of up to 0.3 s for threads blocked in native
    // code, such as an HTTP client's selector). With it go the processes the tests started that
    // still run: once this JVM exited they are no one's children, and the build stops those its
    // shutdown hooks leave running.
    List<String> end = new ArrayList<>();
    end.add(Event.RUN_FINISHED.name());
    ProcessHandle.current().descendants().map(SegmentLauncher::started).forEach(end::add);
    EventWriter.tell(stdout, end);
    // Non-daemon threads left by tests must not keep the JVM, and the segment, alive.
    System.exit(0);
  }

  /** The line that tells a JVM started with {@code --await-discover true} to discover its tests. */
  public static final String DISCOVER = "DISCOVER";

  /**
   * Waits until the build says the tests are compiled: a JVM started while Maven still compiles
   * reads neither the test classes nor the test resources ({@code junit-platform.properties})
   * before then. Reads {@code in} one byte at a time, so that what follows the line (the handoff)
   * stays in it. False when {@code in} ends first, or says something else.
   */
  static boolean awaitDiscover(InputStream in) throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    int b;
    while ((b = in.read()) != -1 && b != '\n') {
      line.write(b);
    }
    return b != -1 && DISCOVER.equals(line.toString(StandardCharsets.UTF_8));
  }

  /** A process as {@code pid@start}, its start in epoch milliseconds ({@code 0}: unknown). */
  private static String started(ProcessHandle p) {
    return p.pid() + "@" + p.info().startInstant().map(i -> i.toEpochMilli()).orElse(0L);
  }

  /** Parameterized, repeated and factory tests are containers until they run: they count too. */
  private static long count(TestPlan plan) {
    return plan.countTestIdentifiers(
        t -> t.isTest() || t.getSource().orElse(null) instanceof MethodSource);
  }

  /**
   * A build killed with SIGKILL cannot stop its test JVMs; each one stops itself when the build
   * that started it is gone, so that no test keeps running, or holding a fixture's connections, for
   * nobody.
   */
  private static void exitWithParent() {
    ProcessHandle.current()
        .parent()
        .ifPresent(
            parent ->
                parent
                    .onExit()
                    .thenRun(
                        () -> {
                          System.err.println(
                              "segment-launcher: the build that started this JVM is gone; exiting");
                          Runtime.getRuntime().halt(143);
                        }));
  }

  /** The parsed command line. */
  static final class Arguments {
    Path events;
    final Set<Path> classesDirs = new LinkedHashSet<>();
    final List<String> includeClasses = new ArrayList<>();
    final List<String> excludeClasses = new ArrayList<>();
    final List<String> includePackages = new ArrayList<>();
    final List<String> includeTags = new ArrayList<>();
    final List<String> excludeTags = new ArrayList<>();
    final List<String> uniqueIds = new ArrayList<>();
    final List<String> testPatterns = new ArrayList<>();
    final List<String> groups = new ArrayList<>();
    final List<String> excludedGroups = new ArrayList<>();
    int restorePort;
    // given in the environment, never on the command line (which is a file, and visible to ps)
    String restoreToken = System.getenv().getOrDefault(RESTORE_TOKEN_ENV, "");
    final Set<String> restoreAt = new LinkedHashSet<>();
    boolean awaitHandoff;
    boolean awaitDiscover;

    static Arguments parse(String[] args) {
      Arguments a = new Arguments();
      for (int i = 0; i < args.length; i++) {
        if (i + 1 >= args.length) {
          throw new IllegalArgumentException("option " + args[i] + " needs a value");
        }
        String value = args[++i];
        switch (args[i - 1]) {
          case "--events" -> a.events = Paths.get(value);
          case "--classes-dir" -> a.classesDirs.add(Paths.get(value));
          case "--include-class" -> a.includeClasses.add(value);
          case "--exclude-class" -> a.excludeClasses.add(value);
          case "--include-package" -> a.includePackages.add(value);
          case "--include-tag" -> a.includeTags.add(value);
          case "--exclude-tag" -> a.excludeTags.add(value);
          case "--select-unique-id" -> a.uniqueIds.add(value);
          case "--test" -> a.testPatterns.add(value);
          case "--groups" -> a.groups.add(value);
          case "--excluded-groups" -> a.excludedGroups.add(value);
          case "--restore-port" -> a.restorePort = Integer.parseInt(value);
          case "--restore-at" -> a.restoreAt.add(value);
          case "--await-handoff" -> a.awaitHandoff = Boolean.parseBoolean(value);
          case "--await-discover" -> a.awaitDiscover = Boolean.parseBoolean(value);
          default -> throw new IllegalArgumentException("unknown option " + args[i - 1]);
        }
      }
      if (a.events == null || a.classesDirs.isEmpty()) {
        throw new IllegalArgumentException("--events and --classes-dir are required");
      }
      return a;
    }

    /** Whether the build narrows the segment's tests ({@code -Dit.test}, {@code -Dgroups}). */
    boolean hasBuildFilters() {
      return !testPatterns.isEmpty() || !groups.isEmpty() || !excludedGroups.isEmpty();
    }

    /** The discovery request, with or without the build's filters. */
    LauncherDiscoveryRequest request(boolean withBuildFilters) {
      LauncherDiscoveryRequestBuilder builder = LauncherDiscoveryRequestBuilder.request();
      if (restorePort > 0 || !restoreAt.isEmpty()) {
        // Restores at class or test boundaries need one test at a time: with Jupiter's parallel
        // execution, a restore for one test would wipe the data another is using.
        builder.configurationParameter("junit.jupiter.execution.parallel.enabled", "false");
      }
      if (!uniqueIds.isEmpty()) {
        // A retry: exactly the tests (or classes, when their set-up failed) that failed before.
        return builder
            .selectors(uniqueIds.stream().map(DiscoverySelectors::selectUniqueId).toList())
            .build();
      }
      List<Filter<?>> filters = new ArrayList<>();
      // An explicit pattern always: without one, the platform would apply its own default (Test* /
      // *Test(s)).
      filters.add(
          includeClassNamePatterns(
              includeClasses.isEmpty()
                  ? new String[] {".*"}
                  : includeClasses.toArray(String[]::new)));
      if (!excludeClasses.isEmpty()) {
        filters.add(excludeClassNamePatterns(excludeClasses.toArray(String[]::new)));
      }
      if (!includePackages.isEmpty()) {
        filters.add(PackageNameFilter.includePackageNames(includePackages));
      }
      if (!includeTags.isEmpty()) {
        filters.add(TagFilter.includeTags(includeTags));
      }
      if (!excludeTags.isEmpty()) {
        filters.add(TagFilter.excludeTags(excludeTags));
      }
      // the build's -Dgroups and -DexcludedGroups narrow the segment's own tags: filters are ANDed
      if (withBuildFilters) {
        addBuildFilters(filters);
      }
      return builder
          .selectors(selectClasspathRoots(classesDirs))
          .filters(filters.toArray(Filter[]::new))
          .build();
    }

    private void addBuildFilters(List<Filter<?>> filters) {
      if (!groups.isEmpty()) {
        filters.add(TagFilter.includeTags(groups));
      }
      if (!excludedGroups.isEmpty()) {
        filters.add(TagFilter.excludeTags(excludedGroups));
      }
      if (!testPatterns.isEmpty()) {
        filters.add(new TestPatternFilter(testPatterns));
      }
    }
  }
}
