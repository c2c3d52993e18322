package io.segmented.manifest;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A validated {@code segments.yaml}: defaults already applied to every segment, every reference
 * resolved.
 *
 * @param file the manifest file it was read from
 * @param version the format version; always 1
 * @param fixtures fixtures by id, in file order
 * @param segments segments by id, in file order
 * @param warnings what was read but is likely not meant, such as a {@code ${...}} nothing resolves,
 *     in file order; none of them stops a run
 */
public record Manifest(
    Path file,
    int version,
    Map<String, FixtureSpec> fixtures,
    Map<String, SegmentSpec> segments,
    List<Problem> warnings) {

  /** The only format version this loader reads. */
  public static final int VERSION = 1;

  public Manifest {
    fixtures = Collections.unmodifiableMap(new LinkedHashMap<>(fixtures));
    segments = Collections.unmodifiableMap(new LinkedHashMap<>(segments));
    warnings = List.copyOf(warnings);
  }

  /**
   * The fixture declared under {@code id}; the loader guarantees every id a segment names exists.
   */
  public FixtureSpec fixture(String id) {
    FixtureSpec spec = fixtures.get(id);
    if (spec == null) {
      throw new IllegalArgumentException("no fixture '" + id + "' in " + file);
    }
    return spec;
  }
}
