package io.segmented.engine.lint;

import io.segmented.engine.fork.CompiledTests;
import io.segmented.manifest.Manifest;
import io.segmented.manifest.SegmentSpec;
import io.segmented.manifest.TestSelectors;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Checks a manifest against the module's compiled test classes: integration tests that belong to no
 * segment, classes two segments select, segments that select no class (unless the contract's
 * examples against a provider are their tests), fixtures no segment uses. Selection by class glob
 * and package is checked; segments that select by tag alone are not, since tags need the classes
 * loaded. Contracts must be OpenAPI documents with something on their boundary to check them
 * against.
 */
public final class ManifestLint {

  /**
   * failsafe's default includes: {@code **}{@code /IT*}, {@code **}{@code /*IT}, {@code **}{@code
   * /*ITCase}.
   */
  private static final Pattern FAILSAFE_NAMES =
      Pattern.compile("(?:.*\\.)?(?:IT[^.]*|[^.]*IT|[^.]*ITCase)");

  private ManifestLint() {}

  /** The warnings, in a stable order; empty when everything is in place. */
  public static List<String> check(Manifest manifest, Path testClassesDir) throws IOException {
    List<String> warnings = new ArrayList<>();
    Set<String> used = new TreeSet<>();
    manifest.segments().values().forEach(s -> used.addAll(s.fixtureIds()));
    manifest.fixtures().values().forEach(f -> used.addAll(f.dependsOn()));
    for (String id : manifest.fixtures().keySet()) {
      if (!used.contains(id)) {
        warnings.add(
            "fixture '"
                + id
                + "' is declared but no segment uses it. Remove it, or add it to a segment's 'fixtures'");
      }
    }
    List<String> classes = CompiledTests.list(testClassesDir);
    Map<String, List<String>> selectedBy = new LinkedHashMap<>();
    List<String> tagOnly = new ArrayList<>();
    for (SegmentSpec segment : manifest.segments().values()) {
      TestSelectors t = segment.boundary().tests();
      if (CompiledTests.byTagsAlone(t)) {
        tagOnly.add(segment.id());
        continue;
      }
      List<String> selected = classes.stream().filter(c -> CompiledTests.selects(t, c)).toList();
      if (selected.isEmpty() && !ContractLint.verifiesProvider(manifest, segment)) {
        warnings.add(
            "segment '"
                + segment.id()
                + "' selects no compiled test class: "
                + t.describe()
                + ". Check the selectors under boundary.tests");
      }
      selected.forEach(
          c -> selectedBy.computeIfAbsent(c, k -> new ArrayList<>()).add(segment.id()));
    }
    selectedBy.forEach(
        (c, segments) -> {
          if (segments.size() > 1) {
            warnings.add(
                "class "
                    + c
                    + " is selected by "
                    + segments.size()
                    + " segments ("
                    + String.join(", ", segments)
                    + "); it runs once in each. Narrow the selectors if that is not meant");
          }
        });
    if (tagOnly.isEmpty()) {
      for (String c : classes) {
        if (FAILSAFE_NAMES.matcher(c).matches() && !selectedBy.containsKey(c)) {
          warnings.add(
              "integration test "
                  + c
                  + " belongs to no segment, so it never runs. Select it in a segment's boundary.tests");
        }
      }
    }
    warnings.addAll(ContractLint.check(manifest));
    return warnings;
  }
}
