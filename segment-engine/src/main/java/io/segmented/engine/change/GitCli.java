package io.segmented.engine.change;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * Reads {@link ChangedFiles} with the {@code git} command, which answers in milliseconds where JGit
 * needs most of a second to load and walk in the fresh JVM of a build. Only the answer is taken
 * from it, and only where it is JGit's answer too: when {@code git} is not installed, refuses the
 * repository, does not know the ref, takes too long, or the question is one on which the two could
 * differ (a ref in a syntax JGit does not read, a file both deleted from the index and still in the
 * working tree), this says nothing, and {@link GitChanges} reads the repository (and says why it
 * cannot).
 */
final class GitCli {

  /** How long the whole read may take before JGit is asked instead. */
  private static final Duration LIMIT = Duration.ofSeconds(5);

  /**
   * The refs this asks git about: a name (branch, tag, remote branch, commit id, {@code HEAD}) with
   * {@code ~n} and {@code ^n} steps, which JGit resolves alike. Others, such as {@code
   * HEAD@{yesterday}} or {@code HEAD^{/fix}}, go to JGit, so that a ref works or fails the same
   * whether git is installed or not.
   */
  private static final Pattern PLAIN_REF =
      Pattern.compile("[A-Za-z0-9_][A-Za-z0-9._/+-]*(?:[~^][0-9]*)*");

  /**
   * The variables a git hook (or a user) may set that point git at another repository, index or
   * work tree than the one around the module: JGit, whose answer this must give, does not read
   * them.
   */
  private static final List<String> LOCATION_VARIABLES =
      List.of(
          "GIT_DIR",
          "GIT_WORK_TREE",
          "GIT_INDEX_FILE",
          "GIT_OBJECT_DIRECTORY",
          "GIT_ALTERNATE_OBJECT_DIRECTORIES",
          "GIT_COMMON_DIR",
          "GIT_NAMESPACE",
          "GIT_PREFIX");

  /**
   * Settings that make git compare as JGit does, whatever the user's configuration: file contents
   * only (not the executable bit), and a file whose time changed and content did not is unchanged.
   */
  private static final List<String> AS_JGIT =
      List.of("-c", "core.fileMode=false", "-c", "diff.autoRefreshIndex=true");

  private final String git;

  /**
   * @param git the git command: a name looked up on the {@code PATH}, or a path
   */
  GitCli(String git) {
    this.git = git;
  }

  /** The git on the {@code PATH}. */
  static GitCli onPath() {
    return new GitCli("git");
  }

  /**
   * The files of {@code moduleDir} changed since {@code ref}, as {@link GitChanges#read} gives
   * them; empty when git cannot tell.
   *
   * @throws InterruptedIOException the thread was interrupted (the build is stopping)
   */
  Optional<ChangedFiles> read(Path moduleDir, String ref, Collection<Path> lineFiles)
      throws InterruptedIOException {
    if (!PLAIN_REF.matcher(ref).matches()) {
      return Optional.empty();
    }
    long deadline = System.nanoTime() + LIMIT.toNanos();
    try {
      Path module = moduleDir.toRealPath();
      Optional<byte[]> resolved =
          run(deadline, module, "rev-parse", "--verify", "--quiet", ref + "^{commit}");
      if (resolved.isEmpty()) {
        return Optional.empty();
      }
      String commit = new String(resolved.get(), StandardCharsets.UTF_8).trim();
      // tracked files of the module that differ from the commit: committed, staged or not; a
      // submodule when the commit it is at differs, not when files inside it do (as JGit)
      Optional<byte[]> diff =
          run(
              deadline,
              module,
              "diff",
              "--name-status",
              "-z",
              "--no-renames",
              "--no-ext-diff",
              "--ignore-submodules=dirty",
              "--relative",
              commit,
              "--");
      // untracked files that are not ignored, module-relative
      Optional<byte[]> untracked =
          run(deadline, module, "ls-files", "-z", "--others", "--exclude-standard");
      if (diff.isEmpty() || untracked.isEmpty()) {
        return Optional.empty();
      }
      SortedSet<String> paths = new TreeSet<>();
      // files that the commit does not have: nothing before them
      Set<String> added = new HashSet<>();
      Set<String> deleted = new HashSet<>();
      List<String> fields = fields(diff.get());
      if (fields.size() % 2 != 0) {
        return Optional.empty();
      }
      for (int i = 0; i < fields.size(); i += 2) {
        String status = fields.get(i);
        String path = fields.get(i + 1);
        paths.add(path);
        if (status.startsWith("A")) {
          added.add(path);
        } else if (status.startsWith("D")) {
          deleted.add(path);
        }
      }
      for (String field : fields(untracked.get())) {
        // a repository of its own inside the module: git names its folder, JGit the path
        String path = field.endsWith("/") ? field.substring(0, field.length() - 1) : field;
        if (deleted.contains(path)) {
          // removed from the index, still in the working tree: JGit compares the contents
          return Optional.empty();
        }
        paths.add(path);
        added.add(path);
      }
      Map<String, SortedSet<Integer>> lines = new HashMap<>();
      Path base = moduleDir.toAbsolutePath().normalize();
      for (Path file : lineFiles) {
        Path absolute = file.toAbsolutePath().normalize();
        String path = base.relativize(absolute).toString().replace('\\', '/');
        if (!absolute.startsWith(base) || !paths.contains(path)) {
          continue;
        }
        byte[] before = new byte[0];
        if (!added.contains(path)) {
          Optional<byte[]> blob = run(deadline, module, "cat-file", "blob", commit + ":./" + path);
          if (blob.isEmpty()) {
            return Optional.empty();
          }
          before = blob.get();
        }
        byte[] now = Files.isRegularFile(absolute) ? Files.readAllBytes(absolute) : new byte[0];
        lines.put(path, LineChanges.changedLines(before, now));
      }
      return Optional.of(new ChangedFiles(ref, paths, lines));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      InterruptedIOException stopped = new InterruptedIOException("stopped while asking git");
      stopped.initCause(e);
      throw stopped;
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /** The NUL-separated fields of git's {@code -z} output. */
  private static List<String> fields(byte[] output) {
    List<String> fields = new ArrayList<>();
    int start = 0;
    for (int i = 0; i < output.length; i++) {
      if (output[i] == 0) {
        fields.add(new String(output, start, i - start, StandardCharsets.UTF_8));
        start = i + 1;
      }
    }
    return fields;
  }

  /**
   * What {@code git <args>} run in {@code dir} writes to its standard output; empty when git is
   * missing, fails or is still running at {@code deadline} ({@link System#nanoTime}), when it and
   * what it started are stopped.
   */
  private Optional<byte[]> run(long deadline, Path dir, String... args)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(git);
    command.addAll(AS_JGIT);
    command.addAll(List.of(args));
    // into a file, not a pipe: a large answer cannot stall git while this waits for it
    Path out = Files.createTempFile("segment-git-", ".out");
    Process process = null;
    try {
      ProcessBuilder builder =
          new ProcessBuilder(command)
              .directory(dir.toFile())
              .redirectOutput(out.toFile())
              .redirectError(ProcessBuilder.Redirect.DISCARD);
      Map<String, String> env = builder.environment();
      LOCATION_VARIABLES.forEach(env::remove);
      // no lock taken on the index for the refresh that a read may do; no prompt
      env.put("GIT_OPTIONAL_LOCKS", "0");
      env.put("GIT_TERMINAL_PROMPT", "0");
      try {
        process = builder.start();
      } catch (IOException e) {
        return Optional.empty(); // no git installed
      }
      process.getOutputStream().close();
      long left = deadline - System.nanoTime();
      if (left <= 0 || !process.waitFor(left, TimeUnit.NANOSECONDS)) {
        return Optional.empty();
      }
      return process.exitValue() == 0 ? Optional.of(Files.readAllBytes(out)) : Optional.empty();
    } finally {
      if (process != null && process.isAlive()) {
        // too slow, or this thread was interrupted: nothing of it keeps running
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
      }
      Files.deleteIfExists(out);
    }
  }
}
