package io.segmented.report;

import io.segmented.results.AtomicFiles;
import io.segmented.results.FixtureResult;
import io.segmented.results.ResultsFiles;
import io.segmented.results.RunResult;
import io.segmented.results.SegmentResult;
import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A run's reports directory as the report sees it: the model read from {@code segment-results.json}
 * and the fixture logs (only those inside the directory), and an output that writes each file
 * atomically, so that no half-written page is ever left, with the mode the umask gives.
 */
public final class ReportsDirectory {

  private static final int TAIL_LINES = 40;

  private ReportsDirectory() {}

  /** The model of the run whose results are in {@code dir}. */
  public static ReportModel read(Path dir) throws IOException {
    return model(dir, ResultsFiles.read(dir));
  }

  /** The model of {@code run}, with the tails of the fixture logs in {@code dir}. */
  public static ReportModel model(Path dir, RunResult run) {
    Map<String, String> tails = new HashMap<>();
    for (SegmentResult s : run.segments()) {
      for (FixtureResult f : s.fixtures()) {
        // the results may be a shard's artifact from another machine: read no log outside dir
        Optional<Path> within = ResultsFiles.within(dir, f.log());
        if (within.isEmpty()) {
          continue;
        }
        Path log = within.get();
        if (Files.isRegularFile(log)) {
          try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            tails.put(
                f.log(),
                String.join(
                    "\n", lines.subList(Math.max(0, lines.size() - TAIL_LINES), lines.size())));
          } catch (IOException e) {
            tails.put(f.log(), "(the log could not be read: " + e.getMessage() + ")");
          }
        }
      }
    }
    return new ReportModel(run, tails);
  }

  /** Renders the report of {@code model} into {@code dir}; returns the page. */
  public static Path write(Path dir, ReportModel model) throws IOException {
    HtmlReport.render(model, path -> atomicWriter(dir.resolve(path)));
    return dir.resolve(HtmlReport.INDEX);
  }

  /**
   * A writer whose text replaces {@code target} when it is closed, whole ({@link
   * AtomicFiles#write}): the report renders its page before it opens the writer, so a template that
   * fails never reaches it.
   */
  private static Writer atomicWriter(Path target) throws IOException {
    Files.createDirectories(target.getParent());
    return new StringWriter() {
      @Override
      public void close() throws IOException {
        AtomicFiles.write(target, toString().getBytes(StandardCharsets.UTF_8));
      }
    };
  }
}
