package io.segmented.engine;

import io.segmented.engine.run.Executor;
import io.segmented.results.RunResult;

/**
 * Runs the segments of one module: checks that everything can start before anything does, runs each
 * segment with its own fixtures and test JVM, writes {@code segment-results.json} and JUnit XML,
 * and leaves nothing running.
 */
public final class SegmentEngine {

  /** Runs every segment of the request's manifest. */
  public RunResult run(RunRequest request, RunListener listener)
      throws EngineException, UnsupportedManifestException {
    return new Executor().run(request, listener);
  }
}
