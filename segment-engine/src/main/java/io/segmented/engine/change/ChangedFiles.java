package io.segmented.engine.change;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The files of a module that differ between a git ref and the working tree: committed since the
 * ref, staged, not staged, and untracked files that are not ignored; deleted files too. Files
 * outside the module are left out. A file changed since the ref and changed back counts as
 * unchanged.
 *
 * @param ref the git ref as given: a branch, tag or commit
 * @param paths the changed files, relative to the module directory, with {@code /} as separator
 * @param lines for the files whose changed lines were asked for: the lines that changed, 1-based,
 *     as the file is now. Where lines were only removed, the line before the removal (line 1 for a
 *     removal at the top)
 */
public record ChangedFiles(
    String ref, SortedSet<String> paths, Map<String, SortedSet<Integer>> lines) {

  public ChangedFiles {
    paths = Collections.unmodifiableSortedSet(new TreeSet<>(paths));
    Map<String, SortedSet<Integer>> copy = new TreeMap<>();
    lines.forEach((p, l) -> copy.put(p, Collections.unmodifiableSortedSet(new TreeSet<>(l))));
    lines = Collections.unmodifiableMap(copy);
  }

  /**
   * The files of {@code moduleDir} changed since {@code ref} in the git repository that contains
   * the module directory (found by looking upwards for {@code .git}). Asks the {@code git} command
   * first, which answers in milliseconds; JGit reads the repository where git is not installed or
   * cannot answer, and says why when nothing can.
   *
   * @param lineFiles files whose changed lines to work out as well, such as the manifest
   * @throws ChangeException the module is not in a git repository, or {@code ref} names no commit
   *     in it
   * @throws IOException the repository or a file could not be read
   */
  public static ChangedFiles since(Path moduleDir, String ref, Collection<Path> lineFiles)
      throws ChangeException, IOException {
    Optional<ChangedFiles> fast = GitCli.onPath().read(moduleDir, ref, lineFiles);
    return fast.isPresent() ? fast.get() : GitChanges.read(moduleDir, ref, lineFiles);
  }

  /** The changed lines of {@code path}, module-relative; empty when it did not change. */
  public SortedSet<Integer> linesOf(String path) {
    return lines.getOrDefault(path, Collections.emptySortedSet());
  }
}
