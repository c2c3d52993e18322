package io.segmented.engine.run;

import io.segmented.engine.RunListener;
import io.segmented.engine.fixture.Keeping;
import io.segmented.engine.fork.ClassData;
import io.segmented.manifest.SegmentSpec;
import io.segmented.results.RunResult;
import io.segmented.results.SegmentResult;
import io.segmented.results.TestResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Passes events on one at a time, so that the lines of one event (a failed segment and its
 * failures) stay together when segments run in parallel. Until it is {@link #attach attached} to
 * the run's listener it holds the events back, in order: a run started ahead of its goal ({@link
 * HeadStarts}) has no listener yet, and its goal hears what happened once it takes the run over.
 */
public final class SerializedListener implements RunListener {

  private RunListener delegate;
  private final List<Consumer<RunListener>> held = new ArrayList<>();

  /** A listener that holds events back until {@link #attach}. */
  SerializedListener() {}

  SerializedListener(RunListener delegate) {
    this.delegate = delegate;
  }

  /** Passes the events held back to {@code listener}, then every later one as it comes. */
  synchronized void attach(RunListener listener) {
    held.forEach(e -> e.accept(listener));
    held.clear();
    delegate = listener;
  }

  private synchronized void send(Consumer<RunListener> event) {
    if (delegate == null) {
      held.add(event);
    } else {
      event.accept(delegate);
    }
  }

  @Override
  public void runStarted(String runId, List<SegmentSpec> segments, int parallel) {
    send(l -> l.runStarted(runId, segments, parallel));
  }

  @Override
  public void startOrder(String how, List<SegmentSpec> order) {
    send(l -> l.startOrder(how, order));
  }

  @Override
  public void orphansRemoved(int count) {
    send(l -> l.orphansRemoved(count));
  }

  @Override
  public void ryukNotUsed() {
    send(RunListener::ryukNotUsed);
  }

  @Override
  public void orphanProcessesStopped(List<String> processes) {
    send(l -> l.orphanProcessesStopped(processes));
  }

  @Override
  public void startedAhead(List<String> segmentIds) {
    send(l -> l.startedAhead(segmentIds));
  }

  @Override
  public void headStartDropped(String why) {
    send(l -> l.headStartDropped(why));
  }

  @Override
  public void jvmsAheadStopped(String why) {
    send(l -> l.jvmsAheadStopped(why));
  }

  @Override
  public void segmentStarted(SegmentSpec segment) {
    send(l -> l.segmentStarted(segment));
  }

  @Override
  public void fixtureKept(
      String segmentId, String fixtureId, String kind, String image, Keeping kept, Duration took) {
    send(l -> l.fixtureKept(segmentId, fixtureId, kind, image, kept, took));
  }

  @Override
  public void keptExpired(int count) {
    send(l -> l.keptExpired(count));
  }

  @Override
  public void fixtureStarted(
      String segmentId,
      String fixtureId,
      String kind,
      String image,
      boolean shared,
      Duration took) {
    send(l -> l.fixtureStarted(segmentId, fixtureId, kind, image, shared, took));
  }

  @Override
  public void testFailed(String segmentId, TestResult test, boolean retried) {
    send(l -> l.testFailed(segmentId, test, retried));
  }

  @Override
  public void segmentFinished(SegmentResult result) {
    send(l -> l.segmentFinished(result));
  }

  @Override
  public void testJvmLeftovers(String segmentId, List<String> leftovers) {
    send(l -> l.testJvmLeftovers(segmentId, leftovers));
  }

  @Override
  public void runFinished(RunResult result) {
    send(l -> l.runFinished(result));
  }

  @Override
  public void classDataWritten(ClassData.Written written) {
    send(l -> l.classDataWritten(written));
  }
}
