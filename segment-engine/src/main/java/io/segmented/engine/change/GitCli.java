package io.segmented.engine.change;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

/**
 * Reads {@link ChangedFiles} with the {@code git} command, which answers in milliseconds where JGit
 * needs most of a second to load and walk in the fresh JVM of a build. Only the answer is taken
 * from it: when {@code git} is not installed, refuses the repository, does not know the ref or
 * fails in any other way, this says nothing, and {@link GitChanges} reads the repository (and says
 * why it cannot).
 */
final class GitCli {

  private static final Duration LIMIT = Duration.ofSeconds(30);

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
   */
  Optional<ChangedFiles> read(Path moduleDir, String ref, Collection<Path> lineFiles) {
    // a ref that git would take for an option: JGit says what is wrong with it
    if (ref.isBlank() || ref.startsWith("-")) {
      return Optional.empty();
    }
    try {
      Path module = moduleDir.toRealPath();
      Optional<byte[]> resolved =
          run(module, "rev-parse", "--verify", "--quiet", ref + "^{commit}");
      if (resolved.isEmpty()) {
        return Optional.empty();
      }
      String commit = new String(resolved.get(), StandardCharsets.UTF_8).trim();
      // tracked files of the module that differ from the commit: committed, staged or not
      Optional<byte[]> diff =
          run(
              module,
              "diff",
              "--name-status",
              "-z",
              "--no-renames",
              "--no-ext-diff",
              "--relative",
              commit,
              "--");
      // untracked files that are not ignored, module-relative
      Optional<byte[]> untracked = run(module, "ls-files", "-z", "--others", "--exclude-standard");
      if (diff.isEmpty() || untracked.isEmpty()) {
        return Optional.empty();
      }
      SortedSet<String> paths = new TreeSet<>();
      // files that the commit does not have: nothing before them
      SortedSet<String> added = new TreeSet<>();
      List<String> fields = fields(diff.get());
      if (fields.size() % 2 != 0) {
        return Optional.empty();
      }
      for (int i = 0; i < fields.size(); i += 2) {
        String path = fields.get(i + 1);
        paths.add(path);
        if (fields.get(i).startsWith("A")) {
          added.add(path);
        }
      }
      for (String path : fields(untracked.get())) {
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
          Optional<byte[]> blob = run(module, "cat-file", "blob", commit + ":./" + path);
          if (blob.isEmpty()) {
            return Optional.empty();
          }
          before = blob.get();
        }
        byte[] now = Files.isRegularFile(absolute) ? Files.readAllBytes(absolute) : new byte[0];
        lines.put(path, LineChanges.changedLines(before, now));
      }
      return Optional.of(new ChangedFiles(ref, paths, lines));
    } catch (IOException e) {
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
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
   * missing, fails or takes longer than {@link #LIMIT}.
   */
  private Optional<byte[]> run(Path dir, String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(git);
    command.addAll(List.of(args));
    // into a file, not a pipe: a large answer cannot stall git while this waits for it
    Path out = Files.createTempFile("segment-git-", ".out");
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
      Process process;
      try {
        process = builder.start();
      } catch (IOException e) {
        return Optional.empty(); // no git installed
      }
      process.getOutputStream().close();
      if (!process.waitFor(LIMIT.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly();
        return Optional.empty();
      }
      return process.exitValue() == 0 ? Optional.of(Files.readAllBytes(out)) : Optional.empty();
    } finally {
      Files.deleteIfExists(out);
    }
  }
}
