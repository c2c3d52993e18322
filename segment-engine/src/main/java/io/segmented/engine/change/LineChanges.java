package io.segmented.engine.change;

import java.util.SortedSet;
import java.util.TreeSet;
import org.eclipse.jgit.diff.DiffAlgorithm;
import org.eclipse.jgit.diff.Edit;
import org.eclipse.jgit.diff.RawText;
import org.eclipse.jgit.diff.RawTextComparator;

/** Which lines of a file changed, as git's histogram diff sees it, counted on the new side. */
final class LineChanges {

  private LineChanges() {}

  /**
   * The 1-based lines of {@code after} that differ from {@code before}. Where lines were only
   * removed, the line before the removal stands for it (line 1 for a removal at the top), so that a
   * removal is attributed to the part of the file it was cut from.
   */
  static SortedSet<Integer> changedLines(byte[] before, byte[] after) {
    SortedSet<Integer> lines = new TreeSet<>();
    for (Edit edit :
        DiffAlgorithm.getAlgorithm(DiffAlgorithm.SupportedAlgorithm.HISTOGRAM)
            .diff(RawTextComparator.DEFAULT, new RawText(before), new RawText(after))) {
      if (edit.getEndB() > edit.getBeginB()) {
        for (int line = edit.getBeginB(); line < edit.getEndB(); line++) {
          lines.add(line + 1);
        }
      } else {
        lines.add(Math.max(1, edit.getBeginB()));
      }
    }
    return lines;
  }
}
