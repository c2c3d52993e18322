package io.segmented.engine.run;

import io.segmented.engine.fixture.DockerProbe;
import io.segmented.engine.fixture.Fixture;
import io.segmented.engine.fixture.FixtureCreator;
import io.segmented.engine.fixture.FixtureStartException;
import io.segmented.engine.fixture.Janitor;
import io.segmented.engine.fork.JvmLauncher;
import io.segmented.engine.fork.TestJvm;
import io.segmented.launcher.EventCodec;
import io.segmented.manifest.FixtureSpec;
import io.segmented.manifest.Provider;
import io.segmented.results.TestOutcome;
import io.segmented.results.TestResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * In-memory stand-ins for what a run talks to: fixtures, test JVMs, the Docker engine's janitor.
 * Each records what was asked of it in one shared, ordered event list, so a test reads the run's
 * story: {@code start a/db}, {@code jvm a}, {@code stop a/db}, {@code removeRun}.
 */
public final class Fakes {

  /** What every fake was asked, in order. */
  public final List<String> events = new CopyOnWriteArrayList<>();

  /** How often the run looked for local processes that dead runs left. */
  public final AtomicInteger orphanProcessSweeps = new AtomicInteger();

  /** Fixture ids ({@code segment/fixture}) whose start fails. */
  public final Set<String> failingFixtures = ConcurrentHashMap.newKeySet();

  /**
   * Attributes a fixture hands to tests, by fixture id; {@code host} and {@code port} otherwise.
   */
  public final Map<String, Map<String, String>> attributes = new ConcurrentHashMap<>();

  /** How each segment's test JVM behaves, by segment id; {@link Jvm#passes} otherwise. */
  public final Map<String, Jvm> jvms = new ConcurrentHashMap<>();

  /** When set, the sweep of earlier runs waits until this event has happened. */
  public volatile String sweepWaitsFor;

  /** When set, what the janitor says keeps Testcontainers from the containers' ports. */
  public volatile String hostAddressProblem;

  /** When set, a fixture's stop waits until this event has happened. */
  public volatile String teardownWaitsFor;

  /** When set, a fixture starts only once this event has happened. */
  public volatile String fixturesWaitFor;

  /** When set, a test JVM runs its tests only once this event has happened. */
  public volatile String testsWaitFor;

  /**
   * When set, a test JVM whose tests ended tells so while it still exits ({@link
   * JvmLauncher.Forked#awaitEnd}), as the launcher does, instead of having exited.
   */
  public volatile boolean jvmsExitSlowly;

  /** What each JVM started beside its fixtures was handed, by segment. */
  public final Map<String, TestJvmProperties> handedOff = new ConcurrentHashMap<>();

  /** The test JVMs that ran at once, at most. */
  public final AtomicInteger mostJvmsAtOnce = new AtomicInteger();

  private final AtomicInteger jvmsNow = new AtomicInteger();

  /**
   * When set, each test JVM counts down and waits until the count is zero: the first ones run only
   * once as many are running together.
   */
  public volatile CountDownLatch together;

  /** The JVM options each segment's (last) test JVM was started with. */
  public final Map<String, List<String>> jvmArgs = new java.util.concurrent.ConcurrentHashMap<>();

  /** The launcher arguments of each segment's last test JVM. */
  public final Map<String, List<String>> launcherArgs =
      new java.util.concurrent.ConcurrentHashMap<>();

  /** The events of one kind, such as every {@code jvm ...}. */
  public List<String> events(String prefix) {
    return events.stream().filter(e -> e.startsWith(prefix + " ")).toList();
  }

  /** What a fake test JVM does. */
  public enum Jvm {
    /** Runs one passing test per segment. */
    passes,
    /** Runs one failing test. */
    fails,
    /** Runs one test, which is skipped. */
    skips,
    /** Dies with exit code 137 while its test runs. */
    crashes,
    /** Runs past the segment's timeout. */
    hangs
  }

  /**
   * Waits until {@code event} has been recorded; a guard of 30 s against a deadlock (the run
   * waiting for this very wait) fails the test rather than hanging it. Not a measure of speed.
   */
  void awaitEvent(String event) {
    if (event == null) {
      return;
    }
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (!events.contains(event)) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("waited in vain for '" + event + "': " + events);
      }
      try {
        Thread.sleep(1);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  /** An executor of these fakes. */
  public Executor executor() {
    return new Executor(fixtures(), jvmLauncher(), janitor());
  }

  /** Fixtures that start and stop in memory, or fail to start when listed in failingFixtures. */
  public FixtureCreator fixtures() {
    return (spec, provider, scope) -> new FakeFixture(spec, provider, scope.segmentId());
  }

  /** A Docker engine that answers and has every image. */
  public static DockerProbe docker() {
    return new DockerProbe() {
      @Override
      public boolean answers() {
        return true;
      }

      @Override
      public boolean hasImage(String image) {
        return true;
      }
    };
  }

  /** A janitor that removes nothing and makes no network. */
  public Janitor janitor() {
    return new Janitor() {
      @Override
      public Optional<String> hostAddressProblem() {
        return Optional.ofNullable(hostAddressProblem);
      }

      @Override
      public void prepare(String runId) {
        events.add("prepare");
      }

      @Override
      public int removeOrphans() {
        awaitEvent(sweepWaitsFor);
        events.add("removeOrphans");
        return 0;
      }

      @Override
      public List<String> stopOrphanProcesses() {
        orphanProcessSweeps.incrementAndGet();
        return List.of();
      }

      @Override
      public int removeRun(String runId) {
        events.add("removeRun");
        return 0;
      }

      @Override
      public org.testcontainers.containers.Network segmentNetwork(String runId, String segmentId) {
        events.add("network " + segmentId);
        return null;
      }
    };
  }

  /** Test JVMs that write the launcher's events as {@link #jvms} says, without forking. */
  public JvmLauncher jvmLauncher() {
    return spec -> {
      String segment = spec.systemProperties().get("segment.id");
      events.add("jvm " + segment);
      jvmArgs.put(segment, spec.jvmArgs());
      launcherArgs.put(segment, spec.args());
      Path eventsFile = Path.of(spec.args().get(spec.args().indexOf("--events") + 1));
      Jvm behaviour = jvms.getOrDefault(segment, Jvm.passes);
      List<String> lines = new ArrayList<>();
      lines.add(EventCodec.encode(List.of("RUN_STARTED", "1", "1")));
      lines.add(EventCodec.encode(List.of("TEST_STARTED", "it." + segment + "IT", "works")));
      switch (behaviour) {
        case passes, fails, skips -> {
          String outcome =
              behaviour == Jvm.passes ? "PASSED" : behaviour == Jvm.fails ? "FAILED" : "SKIPPED";
          lines.add(
              EventCodec.encode(
                  List.of(
                      "TEST_FINISHED",
                      "it." + segment + "IT",
                      "works",
                      outcome,
                      "5",
                      behaviour == Jvm.fails ? "expected 1 but was 2" : "",
                      behaviour == Jvm.fails ? "org.opentest4j.AssertionFailedError" : "",
                      "",
                      "[engine:junit-jupiter]/[class:it." + segment + "IT]/[method:works()]")));
          lines.add(EventCodec.encode(List.of("RUN_FINISHED")));
        }
        case crashes, hangs -> {}
      }
      try {
        Files.write(eventsFile, lines, StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
      return new JvmLauncher.Forked() {
        @Override
        public TestJvm.Exit await(Duration timeout, Path threadDump) throws InterruptedException {
          if (!("jvm " + segment).equals(testsWaitFor)) {
            awaitEvent(testsWaitFor);
          }
          int now = jvmsNow.incrementAndGet();
          mostJvmsAtOnce.accumulateAndGet(now, Math::max);
          try {
            CountDownLatch latch = together;
            if (latch != null) {
              latch.countDown();
              // a guard against a deadlock, not a measure of speed
              if (!latch.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the test JVMs did not run together");
              }
            }
          } finally {
            jvmsNow.decrementAndGet();
          }
          if (behaviour == Jvm.fails) {
            // as the launcher tells a failure on its output while the JVM still runs
            spec.failedNow()
                .accept(
                    new TestResult(
                        "it." + segment + "IT",
                        "works",
                        TestOutcome.FAILED,
                        5,
                        "expected 1 but was 2",
                        "org.opentest4j.AssertionFailedError",
                        ""));
          }
          return switch (behaviour) {
            case passes, fails, skips -> new TestJvm.Exit(0, false);
            case crashes -> new TestJvm.Exit(137, false);
            case hangs -> new TestJvm.Exit(-1, true);
          };
        }

        @Override
        public TestJvm.Exit awaitEnd(Duration timeout, Path threadDump)
            throws InterruptedException {
          TestJvm.Exit exit = await(timeout, threadDump);
          return jvmsExitSlowly && exit.code() == 0 && !exit.timedOut()
              ? new TestJvm.Exit(0, false, true)
              : exit;
        }

        @Override
        public void handOff(
            Map<String, String> properties,
            Map<String, String> env,
            int restorePort,
            String restoreToken) {
          events.add("handoff " + segment);
          handedOff.put(segment, new TestJvmProperties(properties, env));
        }

        private boolean discovered;

        // once, however often it is called, as the interface says
        @Override
        public synchronized void discover() {
          if (!discovered) {
            discovered = true;
            events.add("discover " + segment);
          }
        }

        @Override
        public void close() {
          events.add("closed jvm " + segment);
        }
      };
    };
  }

  private final class FakeFixture implements Fixture {
    private final FixtureSpec spec;
    private final Provider provider;
    private final String segment;

    FakeFixture(FixtureSpec spec, Provider provider, String segment) {
      this.spec = spec;
      this.provider = provider;
      this.segment = segment;
    }

    @Override
    public FixtureSpec spec() {
      return spec;
    }

    @Override
    public String image() {
      return "fake";
    }

    @Override
    public String provider() {
      return provider.name().toLowerCase(java.util.Locale.ROOT);
    }

    @Override
    public void start() throws FixtureStartException {
      awaitEvent(fixturesWaitFor);
      events.add("start " + segment + "/" + spec.id());
      if (failingFixtures.contains(segment + "/" + spec.id())) {
        throw new FixtureStartException(
            "fixture '" + spec.id() + "' did not start: the fake says no", null);
      }
    }

    @Override
    public Map<String, String> attributes() {
      return attributes.getOrDefault(spec.id(), Map.of("host", "localhost", "port", "1"));
    }

    @Override
    public void close() {
      awaitEvent(teardownWaitsFor);
      events.add("stop " + segment + "/" + spec.id());
    }
  }
}
