package io.segmented.engine.change;

import io.segmented.engine.fixture.FixtureGraph;
import io.segmented.manifest.DataScope;
import io.segmented.manifest.FixtureKind;
import io.segmented.manifest.FixtureSpec;
import io.segmented.manifest.Manifest;
import io.segmented.manifest.SegmentSpec;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The files of the module that a segment's manifest entry names, apart from {@code covers}: the
 * seed scripts of its data, its contract, and what its fixtures (those it names and those they
 * depend on) read from the module: a {@code container}'s {@code files}, a {@code wiremock}'s {@code
 * mappings} folder, and the files a {@code process} command names as arguments. A process's {@code
 * workdir} is not one of them: it is where the process runs, often the module itself, not what it
 * reads.
 */
final class NamedFiles {

  /**
   * A file or folder, module-relative, and what names it.
   *
   * @param path {@code /} between folders
   * @param what for the reason, as {@code "the mappings of fixture 'catalog'"}
   */
  record Named(String path, String what) {
    /** Whether {@code changed} is this file or inside this folder. */
    boolean covers(String changed) {
      return changed.equals(path) || changed.startsWith(path + "/");
    }
  }

  private NamedFiles() {}

  static List<Named> of(Manifest manifest, SegmentSpec segment, Path moduleDir) {
    Path base = moduleDir.toAbsolutePath().normalize();
    List<Named> named = new ArrayList<>();
    for (DataScope d : segment.data().values()) {
      for (Path seed : d.seed()) {
        add(named, base, seed, "a seed script of its data in '" + d.fixtureId() + "'");
      }
    }
    if (segment.boundary().contract() != null) {
      add(named, base, segment.boundary().contract().document(), "its contract");
    }
    for (FixtureSpec f : FixtureGraph.of(manifest, segment)) {
      String fixture = "fixture '" + f.id() + "'";
      if (f.kind() instanceof FixtureKind.Wiremock w && w.mappings() != null) {
        add(named, base, w.mappings(), "the mappings of " + fixture);
      } else if (f.kind() instanceof FixtureKind.Container c) {
        c.files().keySet().forEach(p -> add(named, base, p, "the files of " + fixture));
      } else if (f.kind() instanceof FixtureKind.Process p) {
        Path workdir = p.workdir() == null ? base : p.workdir();
        for (String word : p.command()) {
          commandFile(workdir, word)
              .ifPresent(file -> add(named, base, file, "the command of " + fixture));
        }
      }
    }
    return named;
  }

  /**
   * The module file a command word names: the word, or what follows {@code =} in an option such as
   * {@code --config=conf/app.yml}, resolved against the process's working directory, if it is a
   * file.
   */
  private static Optional<Path> commandFile(Path workdir, String word) {
    String candidate = word.contains("=") ? word.substring(word.indexOf('=') + 1) : word;
    if (candidate.isEmpty() || candidate.startsWith("-") || candidate.contains("${")) {
      return Optional.empty();
    }
    try {
      Path file = workdir.resolve(candidate).normalize();
      return Files.isRegularFile(file) ? Optional.of(file) : Optional.empty();
    } catch (InvalidPathException e) {
      return Optional.empty();
    }
  }

  private static void add(List<Named> named, Path base, Path file, String what) {
    Path absolute = base.resolve(file).normalize();
    if (absolute.startsWith(base) && !absolute.equals(base)) {
      named.add(new Named(base.relativize(absolute).toString().replace('\\', '/'), what));
    }
  }
}
