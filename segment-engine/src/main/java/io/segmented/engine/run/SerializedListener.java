package io.segmented.engine.run;

import io.segmented.engine.RunListener;
import io.segmented.engine.fixture.Keeping;
import io.segmented.engine.fork.ClassData;
import io.segmented.manifest.SegmentSpec;
import io.segmented.results.RunResult;
import io.segmented.results.SegmentResult;
import java.time.Duration;
import java.util.List;

/**
 * Passes events on one at a time, so that the lines of one event (a failed segment and its
 * failures) stay together when segments run in parallel.
 */
public final class SerializedListener implements RunListener {

  private final RunListener delegate;

  SerializedListener(RunListener delegate) {
    this.delegate = delegate;
  }

  @Override
  public synchronized void runStarted(String runId, List<SegmentSpec> segments, int parallel) {
    delegate.runStarted(runId, segments, parallel);
  }

  @Override
  public synchronized void startOrder(String how, List<SegmentSpec> order) {
    delegate.startOrder(how, order);
  }

  @Override
  public synchronized void orphansRemoved(int count) {
    delegate.orphansRemoved(count);
  }

  @Override
  public synchronized void ryukNotUsed() {
    delegate.ryukNotUsed();
  }

  @Override
  public synchronized void orphanProcessesStopped(List<String> processes) {
    delegate.orphanProcessesStopped(processes);
  }

  @Override
  public synchronized void segmentStarted(SegmentSpec segment) {
    delegate.segmentStarted(segment);
  }

  @Override
  public synchronized void fixtureKept(
      String segmentId, String fixtureId, String kind, String image, Keeping kept, Duration took) {
    delegate.fixtureKept(segmentId, fixtureId, kind, image, kept, took);
  }

  @Override
  public synchronized void keptExpired(int count) {
    delegate.keptExpired(count);
  }

  @Override
  public synchronized void fixtureStarted(
      String segmentId,
      String fixtureId,
      String kind,
      String image,
      boolean shared,
      Duration took) {
    delegate.fixtureStarted(segmentId, fixtureId, kind, image, shared, took);
  }

  @Override
  public synchronized void segmentFinished(SegmentResult result) {
    delegate.segmentFinished(result);
  }

  @Override
  public synchronized void runFinished(RunResult result) {
    delegate.runFinished(result);
  }

  @Override
  public synchronized void classDataWritten(ClassData.Written written) {
    delegate.classDataWritten(written);
  }
}
