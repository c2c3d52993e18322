package io.segmented.engine.change;

import io.segmented.engine.PropertyNames;
import io.segmented.engine.fixture.FixtureGraph;
import io.segmented.engine.plan.Selection;
import io.segmented.engine.plan.Selector;
import io.segmented.manifest.FixtureSpec;
import io.segmented.manifest.Manifest;
import io.segmented.manifest.SegmentSpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.stream.Collectors;

/**
 * Which segments the changes since a git ref make relevant ({@code -Dsegment.changedSince}), and
 * why. A segment is selected when a changed file matches one of its {@code covers} globs ({@code *}
 * within a folder, {@code **} across folders), when its own entry in the manifest changed, or when
 * the entry of a fixture it uses changed, or a file its data, contract or fixtures name changed:
 * seed scripts, the contract, a {@code container}'s {@code files}, a {@code wiremock}'s {@code
 * mappings}, files a {@code process} command names; a segment uses the fixtures it names and those
 * they depend on. Every segment is selected when the manifest changed outside every segment's and
 * fixture's entry ({@code version}, the block keys, comments above the first entry), or when the
 * module's {@code pom.xml} changed.
 *
 * @param ref the git ref the changes are counted from
 * @param changed what changed
 * @param decisions one per segment, in manifest order
 */
public record ChangeSelection(String ref, ChangedFiles changed, Map<String, Decision> decisions) {

  /** The build file whose change selects every segment. */
  static final String BUILD_FILE = "pom.xml";

  /**
   * Whether one segment is selected, and why, in words for the log and the plan.
   *
   * @param segmentId the segment
   * @param selected whether the changes make it relevant
   * @param reason why it is selected or left out
   */
  public record Decision(String segmentId, boolean selected, String reason) {}

  public ChangeSelection {
    decisions = Collections.unmodifiableMap(new LinkedHashMap<>(decisions));
  }

  /**
   * Reads the changes of {@code moduleDir} since {@code ref} and decides for every segment of
   * {@code manifest}.
   *
   * @throws ChangeException the module is not in a git repository, or the ref names no commit
   * @throws IOException the repository or the manifest could not be read
   */
  public static ChangeSelection since(Manifest manifest, Path moduleDir, String ref)
      throws ChangeException, IOException {
    return of(manifest, moduleDir, ChangedFiles.since(moduleDir, ref, List.of(manifest.file())));
  }

  /** Decides for every segment of {@code manifest}, given what changed in {@code moduleDir}. */
  public static ChangeSelection of(Manifest manifest, Path moduleDir, ChangedFiles changed)
      throws IOException {
    Path base = moduleDir.toAbsolutePath().normalize();
    String manifestPath =
        base.relativize(manifest.file().toAbsolutePath().normalize()).toString().replace('\\', '/');
    SortedSet<Integer> manifestLines = changed.linesOf(manifestPath);
    List<String> text =
        manifestLines.isEmpty()
            ? List.of()
            : Files.readAllLines(manifest.file(), StandardCharsets.UTF_8);
    Map<String, ManifestEntries.Lines> entries = ManifestEntries.of(manifest, text);
    Map<String, ManifestEntries.Lines> fixtureEntries = ManifestEntries.fixtures(manifest, text);
    List<String> everySegment = new ArrayList<>();
    if (changed.paths().contains(BUILD_FILE)) {
      everySegment.add(BUILD_FILE + " changed, which can change what every segment tests");
    }
    List<Integer> outside =
        manifestLines.stream()
            .filter(l -> entries.values().stream().noneMatch(e -> e.contains(l)))
            .filter(l -> fixtureEntries.values().stream().noneMatch(e -> e.contains(l)))
            .toList();
    if (!outside.isEmpty()) {
      everySegment.add(
          manifest.file().getFileName()
              + " changed outside every segment's and fixture's entry ("
              + lines(outside)
              + ")");
    }
    Map<String, Decision> decisions = new LinkedHashMap<>();
    for (SegmentSpec s : manifest.segments().values()) {
      List<String> reasons = new ArrayList<>();
      covers(s, changed.paths()).ifPresent(reasons::add);
      ManifestEntries.Lines entry = entries.get(s.id());
      if (entry != null) {
        List<Integer> inEntry = manifestLines.stream().filter(entry::contains).toList();
        if (!inEntry.isEmpty()) {
          reasons.add(
              "its entry in "
                  + manifest.file().getFileName()
                  + " changed ("
                  + lines(inEntry)
                  + ")");
        }
      }
      for (FixtureSpec f : FixtureGraph.of(manifest, s)) {
        ManifestEntries.Lines fixture = fixtureEntries.get(f.id());
        List<Integer> inFixture =
            fixture == null ? List.of() : manifestLines.stream().filter(fixture::contains).toList();
        if (!inFixture.isEmpty()) {
          reasons.add(
              "the entry of its fixture '"
                  + f.id()
                  + "' in "
                  + manifest.file().getFileName()
                  + " changed ("
                  + lines(inFixture)
                  + ")");
        }
      }
      named(manifest, s, base, changed.paths()).ifPresent(reasons::add);
      reasons.addAll(everySegment);
      decisions.put(
          s.id(),
          reasons.isEmpty()
              ? new Decision(s.id(), false, leftOut(s, changed, manifest.file().getFileName()))
              : new Decision(s.id(), true, String.join("; ", reasons)));
    }
    return new ChangeSelection(changed.ref(), changed, decisions);
  }

  /**
   * {@code selection} further narrowed to the segments these changes select; the others are
   * reported as {@code not selected by -Dsegment.changedSince=<ref>: <reason>}.
   */
  public Selection narrow(Selection selection) {
    Map<String, String> leftOut = new LinkedHashMap<>();
    for (Decision d : decisions.values()) {
      if (!d.selected()) {
        leftOut.put(
            d.segmentId(),
            "not selected by -D" + PropertyNames.CHANGED_SINCE + "=" + ref + ": " + d.reason());
      }
    }
    return selection.without(Selector.CHANGE, leftOut);
  }

  private static Optional<String> covers(SegmentSpec segment, Collection<String> paths) {
    for (String glob : segment.boundary().covers()) {
      PathGlob g = new PathGlob(glob);
      List<String> matching = paths.stream().filter(g::matches).toList();
      if (!matching.isEmpty()) {
        return Optional.of(
            matching.get(0)
                + " matches covers '"
                + glob
                + "'"
                + (matching.size() > 1 ? " (and " + (matching.size() - 1) + " more file(s))" : ""));
      }
    }
    return Optional.empty();
  }

  private static Optional<String> named(
      Manifest manifest, SegmentSpec segment, Path moduleDir, Collection<String> paths) {
    for (NamedFiles.Named n : NamedFiles.of(manifest, segment, moduleDir)) {
      Optional<String> hit = paths.stream().filter(n::covers).findFirst();
      if (hit.isPresent()) {
        return Optional.of(n.what() + " changed (" + hit.get() + ")");
      }
    }
    return Optional.empty();
  }

  private static String leftOut(SegmentSpec segment, ChangedFiles changed, Path manifestName) {
    if (changed.paths().isEmpty()) {
      return "no file in the module changed since " + changed.ref();
    }
    return "none of the "
        + changed.paths().size()
        + " file(s) changed since "
        + changed.ref()
        + " matches its covers"
        + (segment.boundary().covers().isEmpty() ? " (it declares none)" : "")
        + ", its entry in "
        + manifestName
        + " or those of its fixtures, or a file its fixtures, data or contract name";
  }

  /** {@code 3, 7-9, 12}. */
  static String lines(List<Integer> lines) {
    List<String> ranges = new ArrayList<>();
    int i = 0;
    while (i < lines.size()) {
      int j = i;
      while (j + 1 < lines.size() && lines.get(j + 1) == lines.get(j) + 1) {
        j++;
      }
      ranges.add(i == j ? "" + lines.get(i) : lines.get(i) + "-" + lines.get(j));
      i = j + 1;
    }
    return (lines.size() == 1 ? "line " : "lines ")
        + ranges.stream().collect(Collectors.joining(", "));
  }
}
