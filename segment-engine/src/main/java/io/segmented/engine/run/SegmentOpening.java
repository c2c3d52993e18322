package io.segmented.engine.run;

import io.segmented.engine.RunListener;
import io.segmented.engine.RunRequest;
import io.segmented.engine.fixture.Fixture;
import io.segmented.engine.fixture.FixtureGraph;
import io.segmented.engine.fixture.FixtureSet;
import io.segmented.engine.fixture.FixtureStartException;
import io.segmented.engine.fixture.Labels;
import io.segmented.engine.fixture.SegmentScope;
import io.segmented.manifest.FixtureSpec;
import io.segmented.manifest.Provider;
import io.segmented.manifest.SegmentSpec;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.testcontainers.containers.Network;

/**
 * A segment's fixtures from their creation until they are ready: its network, its data scope and
 * the start of its fixture set. The start runs on the segment's lane, or ahead of it, on a thread
 * of its own, when the run was started ahead of its goal ({@link HeadStarts}); either way the
 * listener hears of each fixture as it becomes ready.
 */
final class SegmentOpening {

  private final SegmentSpec segment;
  private final Network network;
  private final Path logDir;
  private final List<Fixture> fixtures;
  private final FixtureSet set;
  private CompletableFuture<Void> ahead;
  private volatile SegmentTests.Started jvm;

  private SegmentOpening(
      SegmentSpec segment, Network network, Path logDir, List<Fixture> fixtures, FixtureSet set) {
    this.segment = segment;
    this.network = network;
    this.logDir = logDir;
    this.fixtures = fixtures;
    this.set = set;
  }

  /**
   * Makes the segment's network (when it has containers that may reach each other by fixture id,
   * {@link #needsNetwork}) and its fixtures, not started yet; the run's {@code cleanup} holds them
   * from now on.
   */
  static SegmentOpening open(
      RunRequest request,
      SegmentSpec segment,
      Map<String, Provider> providers,
      FixtureSources sources,
      Ports ports,
      String runId,
      Secrets secrets,
      Cleanup cleanup) {
    List<FixtureSpec> specs = FixtureGraph.of(request.manifest(), segment);
    Network network =
        needsNetwork(specs, providers, sources)
            ? ports.janitor().segmentNetwork(runId, segment.id())
            : null;
    Path logDir = request.reportsDir().resolve("logs").resolve(segment.id());
    SegmentScope scope =
        new SegmentScope(
            segment.id(),
            network,
            Labels.of(runId, segment.id()),
            logDir,
            segment.data(),
            request.snapshots(),
            secrets.mask());
    List<Fixture> fixtures =
        specs.stream()
            .map(s -> sources.fixture(s, providers.get(s.id()), scope, ports.fixtures()))
            .toList();
    FixtureSet set = new FixtureSet(fixtures);
    cleanup.add(set);
    return new SegmentOpening(segment, network, logDir, fixtures, set);
  }

  /**
   * Whether the segment's containers need a network of their own: only for a container of its own
   * that may reach another by fixture id, its own or a shared or kept one that joins the network. A
   * single container is reached by its published port alone, from the tests on the host, as shared
   * and kept containers are; making, joining and removing a network costs the engine more CPU than
   * starting the container (measured: 0.4 s of the engine's CPU per network made and removed, 0.2 s
   * per container that joins one, on 2 cores).
   */
  static boolean needsNetwork(
      List<FixtureSpec> specs, Map<String, Provider> providers, FixtureSources sources) {
    long own =
        specs.stream()
            .filter(
                f ->
                    providers.get(f.id()) == Provider.CONTAINER
                        && sources.startsOwn(f, providers.get(f.id())))
            .count();
    long containers =
        specs.stream().filter(f -> providers.get(f.id()) == Provider.CONTAINER).count();
    return own > 0 && containers > 1;
  }

  /** Starts the fixtures now, on a thread of their own; {@link #start} then waits for them. */
  void startAhead(RunListener listener) {
    ahead =
        CompletableFuture.runAsync(
            () -> {
              try {
                set.startAll(announcer(listener));
              } catch (FixtureStartException e) {
                throw new CompletionException(e);
              }
            },
            runnable -> {
              Thread t = new Thread(runnable, "segment-head-start-" + segment.id());
              t.setDaemon(true);
              t.start();
            });
  }

  /** Starts the fixtures, or waits for the start begun ahead; throws the first failure. */
  void start(RunListener listener) throws FixtureStartException, InterruptedException {
    if (ahead == null) {
      set.startAll(announcer(listener));
      return;
    }
    try {
      ahead.get();
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof FixtureStartException fse) {
        throw fse;
      }
      throw new FixtureStartException("a fixture failed to start: " + cause, cause);
    }
  }

  /**
   * Waits, at most {@code limit}, for a start begun ahead to end, however it ends; returns at once
   * when none was.
   */
  void awaitAhead(Duration limit) {
    if (ahead == null) {
      return;
    }
    try {
      ahead.get(limit.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException | TimeoutException e) {
      // failed, or still starting: the run's removal by label takes what it made
    }
  }

  private FixtureSet.StartListener announcer(RunListener listener) {
    return (f, took) -> {
      if (f.kept().isPresent()) {
        listener.fixtureKept(
            segment.id(), f.spec().id(), f.spec().kind().key(), f.image(), f.kept().get(), took);
      } else {
        listener.fixtureStarted(
            segment.id(), f.spec().id(), f.spec().kind().key(), f.image(), f.shared(), took);
      }
    };
  }

  /** The segment's test JVM, started ahead beside its fixtures ({@link JvmsStartedAhead}). */
  void jvm(SegmentTests.Started started) {
    this.jvm = started;
  }

  /** The test JVM started ahead beside the fixtures; empty when none was. */
  Optional<SegmentTests.Started> jvm() {
    return Optional.ofNullable(jvm);
  }

  Network network() {
    return network;
  }

  Path logDir() {
    return logDir;
  }

  List<Fixture> fixtures() {
    return fixtures;
  }

  FixtureSet set() {
    return set;
  }
}
