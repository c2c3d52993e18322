package io.segmented.engine.change;

import io.segmented.engine.fixture.FixtureGraph;
import io.segmented.engine.fixture.Kind;
import io.segmented.engine.fixture.Kinds;
import io.segmented.manifest.DataScope;
import io.segmented.manifest.FixtureSpec;
import io.segmented.manifest.Manifest;
import io.segmented.manifest.SegmentSpec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

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
      for (Kind.NamedFile file : Kinds.of(f.kind()).namedFiles(base)) {
        add(named, base, file.path(), file.what() + " of " + fixture);
      }
    }
    return named;
  }

  private static void add(List<Named> named, Path base, Path file, String what) {
    Path absolute = base.resolve(file).normalize();
    if (absolute.startsWith(base) && !absolute.equals(base)) {
      named.add(new Named(base.relativize(absolute).toString().replace('\\', '/'), what));
    }
  }
}
