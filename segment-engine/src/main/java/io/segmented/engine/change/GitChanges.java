package io.segmented.engine.change;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import org.eclipse.jgit.dircache.DirCacheIterator;
import org.eclipse.jgit.errors.AmbiguousObjectException;
import org.eclipse.jgit.errors.IncorrectObjectTypeException;
import org.eclipse.jgit.errors.MissingObjectException;
import org.eclipse.jgit.errors.RevisionSyntaxException;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevTree;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.treewalk.FileTreeIterator;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.WorkingTreeIterator;
import org.eclipse.jgit.treewalk.filter.PathFilter;

/**
 * Reads {@link ChangedFiles} with JGit: one walk over the ref's tree, the index and the working
 * tree together. The index lets unchanged files be recognised by their file metadata instead of
 * hashing every file; ignored folders that git does not track are not entered.
 */
final class GitChanges {

  private static final String PROPERTY = "-Dsegment.changedSince=";
  private static final int REF = 0;
  private static final int INDEX = 1;
  private static final int WORK = 2;

  private GitChanges() {}

  static ChangedFiles read(Path moduleDir, String ref, Collection<Path> lineFiles)
      throws ChangeException, IOException {
    Path module = moduleDir.toRealPath();
    FileRepositoryBuilder builder = new FileRepositoryBuilder().findGitDir(module.toFile());
    if (builder.getGitDir() == null) {
      throw new ChangeException(
          PROPERTY
              + ref
              + ": "
              + module
              + " is not in a git repository (no .git in it or above it). Run in a git clone, or"
              + " leave out -Dsegment.changedSince to run every segment");
    }
    try (Repository repo = builder.setMustExist(true).build()) {
      if (repo.isBare()) {
        throw new ChangeException(
            PROPERTY
                + ref
                + ": "
                + repo.getDirectory()
                + " is a bare repository, with no working tree to compare. Run in a clone");
      }
      Path workTree = repo.getWorkTree().toPath().toRealPath();
      String prefix = workTree.relativize(module).toString().replace('\\', '/');
      RevTree tree = treeOf(repo, ref, workTree);
      SortedSet<String> paths = changedPaths(repo, tree, prefix);
      Map<String, SortedSet<Integer>> lines = new HashMap<>();
      Path base = moduleDir.toAbsolutePath().normalize();
      for (Path file : lineFiles) {
        Path absolute = file.toAbsolutePath().normalize();
        String path = base.relativize(absolute).toString().replace('\\', '/');
        if (absolute.startsWith(base) && paths.contains(path)) {
          byte[] before = blob(repo, tree, prefix.isEmpty() ? path : prefix + "/" + path);
          lines.put(path, LineChanges.changedLines(before, contentOf(absolute)));
        }
      }
      return new ChangedFiles(ref, paths, lines);
    }
  }

  /** The tree of the commit {@code ref} names, or a message that says why there is none. */
  private static RevTree treeOf(Repository repo, String ref, Path workTree)
      throws ChangeException, IOException {
    boolean shallow = !repo.getObjectDatabase().getShallowCommits().isEmpty();
    String shallowHint =
        ": its history may end before it, or the ref was not fetched. Fetch more history (git"
            + " fetch --unshallow, or fetch-depth: 0 on actions/checkout) and run again";
    ObjectId id;
    try {
      id = repo.resolve(ref + "^{commit}");
    } catch (RevisionSyntaxException e) {
      throw new ChangeException(
          PROPERTY
              + ref
              + ": not a git revision. Use a branch, tag or commit, such as origin/main or HEAD~1",
          e);
    } catch (AmbiguousObjectException e) {
      throw new ChangeException(
          PROPERTY + ref + ": the abbreviation names more than one object. Write more digits", e);
    } catch (IncorrectObjectTypeException e) {
      throw new ChangeException(
          PROPERTY + ref + ": names no commit. Use a branch, tag or commit, such as origin/main",
          e);
    } catch (MissingObjectException e) {
      throw new ChangeException(
          PROPERTY + ref + ": not in the shallow clone " + workTree + shallowHint, e);
    }
    if (id == null) {
      throw new ChangeException(
          PROPERTY
              + ref
              + (shallow
                  ? ": no such git ref in the shallow clone " + workTree + shallowHint
                  : ": no such git ref in "
                      + workTree
                      + ". Use a branch, tag or commit such as origin/main or HEAD~1; in a CI"
                      + " checkout, fetch the branch first (git fetch origin main)"));
    }
    try (RevWalk walk = new RevWalk(repo)) {
      return walk.parseCommit(id).getTree();
    } catch (MissingObjectException e) {
      throw new ChangeException(
          PROPERTY
              + ref
              + ": commit "
              + id.name()
              + " is not in the clone "
              + workTree
              + (shallow ? shallowHint : ". Fetch it (git fetch origin) and run again"),
          e);
    }
  }

  private static SortedSet<String> changedPaths(Repository repo, RevTree tree, String prefix)
      throws IOException {
    SortedSet<String> paths = new TreeSet<>();
    try (TreeWalk walk = new TreeWalk(repo)) {
      walk.addTree(tree);
      walk.addTree(new DirCacheIterator(repo.readDirCache()));
      FileTreeIterator work = new FileTreeIterator(repo);
      walk.addTree(work);
      work.setDirCacheIterator(walk, INDEX);
      if (!prefix.isEmpty()) {
        walk.setFilter(PathFilter.create(prefix));
      }
      while (walk.next()) {
        boolean inRef = walk.getRawMode(REF) != FileMode.MISSING.getBits();
        boolean inIndex = walk.getTree(INDEX, DirCacheIterator.class) != null;
        WorkingTreeIterator file = walk.getTree(WORK, WorkingTreeIterator.class);
        boolean untrackedAndIgnored = !inRef && !inIndex && file != null && file.isEntryIgnored();
        if (walk.isSubtree()) {
          if (!untrackedAndIgnored) {
            walk.enterSubtree();
          }
        } else if (!untrackedAndIgnored && changed(walk, inRef, file)) {
          String path = walk.getPathString();
          paths.add(prefix.isEmpty() ? path : path.substring(prefix.length() + 1));
        }
      }
    }
    return paths;
  }

  /**
   * Whether the file differs from the ref: missing on one side, or other content. The working
   * tree's id comes from the index when the file's metadata says it is unchanged, else from hashing
   * it. As git sees it: a file the index marks skip-worktree (a sparse checkout) is what the index
   * holds, and a submodule that is not checked out is unchanged.
   */
  private static boolean changed(TreeWalk walk, boolean inRef, WorkingTreeIterator file) {
    DirCacheIterator index = walk.getTree(INDEX, DirCacheIterator.class);
    if (index != null
        && index.getDirCacheEntry() != null
        && index.getDirCacheEntry().isSkipWorkTree()) {
      return !inRef || !walk.getObjectId(REF).equals(index.getEntryObjectId());
    }
    boolean gitlink = walk.getRawMode(REF) == FileMode.GITLINK.getBits();
    if (gitlink && (file == null || file.getEntryFileMode() != FileMode.GITLINK)) {
      return false;
    }
    if (file == null || !inRef) {
      return inRef || file != null;
    }
    return !walk.getObjectId(REF).equals(file.getEntryObjectId());
  }

  private static byte[] blob(Repository repo, RevTree tree, String path) throws IOException {
    try (TreeWalk walk = TreeWalk.forPath(repo, path, tree)) {
      return walk == null ? new byte[0] : repo.open(walk.getObjectId(0)).getBytes();
    }
  }

  private static byte[] contentOf(Path file) throws IOException {
    return Files.isRegularFile(file) ? Files.readAllBytes(file) : new byte[0];
  }
}
