package io.segmented.manifest;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A validated {@code segments.yaml}: defaults already applied to every segment, every reference
 * resolved.
 *
 * @param file the manifest file it was read from
 * @param version the format version; always 1
 * @param fixtures fixtures by id, in file order
 * @param segments segments by id, in file order
 */
public record Manifest(
    Path file, int version, Map<String, FixtureSpec> fixtures, Map<String, SegmentSpec> segments) {

  /** The only format version this loader reads. */
  public static final int VERSION = 1;

  public Manifest {
    fixtures = Collections.unmodifiableMap(new LinkedHashMap<>(fixtures));
    segments = Collections.unmodifiableMap(new LinkedHashMap<>(segments));
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
