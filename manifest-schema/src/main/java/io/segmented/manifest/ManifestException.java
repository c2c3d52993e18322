package io.segmented.manifest;

import java.util.List;
import java.util.stream.Collectors;

/** Every problem of a manifest file, found at once, before anything starts. */
public final class ManifestException extends Exception {

  private static final long serialVersionUID = 1L;

  private final transient List<Problem> problems;

  public ManifestException(List<Problem> problems) {
    super(problems.stream().map(Problem::format).collect(Collectors.joining("\n")));
    this.problems = List.copyOf(problems);
  }

  /** The problems in file order. */
  public List<Problem> problems() {
    return problems;
  }
}
