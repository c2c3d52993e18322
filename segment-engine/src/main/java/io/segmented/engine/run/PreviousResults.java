package io.segmented.engine.run;

import io.segmented.engine.EngineException;
import io.segmented.engine.RunRequest;
import io.segmented.results.ResultsFiles;
import java.io.IOException;
import java.util.Set;

/**
 * The results an earlier run left in the reports directory: cleared when a run begins, so that two
 * runs' results never mix; a run started ahead of its goal sets aside only the logs it writes over,
 * and gives them back when no run comes.
 */
final class PreviousResults {

  private PreviousResults() {}

  /**
   * Results of an earlier run would mix with this one's: remove them, and only them; but the logs
   * in {@code runsLogs}, which this run wrote already.
   */
  static void clear(RunRequest request, Set<String> runsLogs) throws EngineException {
    try {
      ResultsFiles.clear(request.reportsDir(), runsLogs);
    } catch (IOException e) {
      throw new EngineException(
          "cannot clear the results of the previous run in "
              + request.reportsDir()
              + ": "
              + e.getMessage(),
          e);
    }
  }

  /**
   * Moves the earlier run's logs of the folders a run started ahead writes aside, and leaves the
   * rest of its results: the run clears them when it takes the start over.
   */
  static void setAsideLogs(RunRequest request, Set<String> folders) throws EngineException {
    try {
      ResultsFiles.setAsideLogs(request.reportsDir(), folders);
    } catch (IOException e) {
      throw new EngineException(
          "cannot set the logs of the previous run in "
              + request.reportsDir()
              + " aside: "
              + e.getMessage(),
          e);
    }
  }

  /** Puts the earlier run's logs back where a run started ahead never came. */
  static void giveBackLogs(RunRequest request, Set<String> folders) {
    try {
      ResultsFiles.giveBackLogs(request.reportsDir(), folders);
    } catch (IOException e) {
      // the next run clears the reports directory as always
    }
  }
}
