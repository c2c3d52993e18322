package io.segmented.report;

import io.segmented.results.RunResult;
import java.util.Map;

/**
 * What a report shows: a run's results and, for each fixture log the results name ({@code
 * logs/<segment>/<fixture>.log}), its last lines. The caller reads the logs, so the renderer never
 * touches the file system.
 *
 * @param run the results
 * @param logTails the last lines of each log, by the path the results give
 */
public record ReportModel(RunResult run, Map<String, String> logTails) {

  public ReportModel {
    logTails = Map.copyOf(logTails);
  }
}
