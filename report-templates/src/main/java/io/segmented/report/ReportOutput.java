package io.segmented.report;

import java.io.IOException;
import java.io.Writer;

/** Where the report's files go: a folder, a site's output, or memory in tests. */
public interface ReportOutput {

  /** A writer for the file at {@code path}, relative to the report's root; the caller closes it. */
  Writer open(String path) throws IOException;
}
