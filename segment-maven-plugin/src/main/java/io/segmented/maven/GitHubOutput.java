package io.segmented.maven;

import io.segmented.manifest.Position;
import io.segmented.manifest.Problem;
import io.segmented.results.GitHubActions;
import io.segmented.results.GitHubActions.Annotation;
import io.segmented.results.RunResult;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.maven.plugin.logging.Log;

/**
 * What a build on GitHub Actions gets besides the log: with {@code GITHUB_STEP_SUMMARY} set, a
 * Markdown summary appended to that file; with {@code GITHUB_ACTIONS=true}, an {@code ::error}
 * workflow command per failure and per manifest problem, printed at the start of a line of the
 * standard output (the runner reads them there, not behind Maven's {@code [ERROR]}), so they show
 * on the pull request's diff. Elsewhere it does nothing.
 */
final class GitHubOutput {

  static final String STEP_SUMMARY = "GITHUB_STEP_SUMMARY";
  static final String ACTIONS = "GITHUB_ACTIONS";
  static final String WORKSPACE = "GITHUB_WORKSPACE";

  private final Map<String, String> env;
  private final PrintStream out;
  private final Log log;
  private final Path root;

  /**
   * @param env the environment of the build
   * @param out where workflow commands go: the process's standard output
   * @param executionRoot where Maven was started; paths are relative to {@code GITHUB_WORKSPACE},
   *     else to this
   */
  GitHubOutput(Map<String, String> env, PrintStream out, Log log, Path executionRoot) {
    this.env = env;
    this.out = out;
    this.log = log;
    this.root =
        Optional.ofNullable(env.get(WORKSPACE))
            .map(Path::of)
            .orElse(executionRoot)
            .toAbsolutePath()
            .normalize();
  }

  /** The build's own environment and standard output. */
  static GitHubOutput of(Log log, Path executionRoot) {
    return new GitHubOutput(System.getenv(), System.out, log, executionRoot);
  }

  /**
   * A run's results: its summary, and an annotation per failed test (at its line, when one of
   * {@code testSourceRoots} holds the class) or failed segment (at the manifest).
   */
  void run(RunResult result, Path manifest, List<Path> testSourceRoots, Path report) {
    appendSummary(GitHubActions.stepSummary(result, relative(report)));
    if (annotates()) {
      GitHubActions.failures(result, c -> source(c, testSourceRoots), relative(manifest))
          .forEach(this::print);
    }
  }

  /** A manifest's problems, each at its line and column. */
  void manifestProblems(Path manifest, String module, List<Problem> problems) {
    StringBuilder md =
        new StringBuilder("### Segments of ")
            .append(module)
            .append(": the manifest `")
            .append(relative(manifest))
            .append("` has ")
            .append(problems.size())
            .append(" problem(s)\n\n");
    problems.forEach(p -> md.append("- `").append(p.format()).append("`\n"));
    appendSummary(md.append('\n').toString());
    if (annotates()) {
      for (Problem p : problems) {
        Position at = p.position();
        boolean placed = !at.equals(Position.NONE);
        print(
            new Annotation(
                relative(p.file()),
                placed ? at.line() : 0,
                placed ? at.column() : 0,
                p.file().getFileName() + (placed ? ":" + at : ""),
                p.message()));
      }
    }
  }

  private boolean annotates() {
    return "true".equals(env.get(ACTIONS));
  }

  private void print(Annotation annotation) {
    out.println(GitHubActions.errorCommand(annotation));
    out.flush();
  }

  private void appendSummary(String markdown) {
    String file = env.get(STEP_SUMMARY);
    if (file == null || file.isBlank()) {
      return;
    }
    try {
      Files.writeString(
          Path.of(file),
          markdown,
          StandardCharsets.UTF_8,
          StandardOpenOption.CREATE,
          StandardOpenOption.APPEND);
    } catch (IOException e) {
      log.warn("Could not append the segments' summary to " + STEP_SUMMARY + "=" + file + ": " + e);
    }
  }

  private Optional<String> source(String className, List<Path> roots) {
    String file = className.replaceAll("\\$.*", "").replace('.', '/') + ".java";
    return roots.stream()
        .map(r -> r.resolve(file))
        .filter(Files::isRegularFile)
        .findFirst()
        .map(this::relative);
  }

  /** {@code path} relative to the repository's root, with {@code /}; as it is when outside it. */
  private String relative(Path path) {
    Path absolute = path.toAbsolutePath().normalize();
    Path shown = absolute.startsWith(root) ? root.relativize(absolute) : absolute;
    return shown.toString().replace('\\', '/');
  }
}
