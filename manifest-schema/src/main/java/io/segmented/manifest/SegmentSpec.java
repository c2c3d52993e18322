package io.segmented.manifest;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * One segment: a boundary, the minimum fixtures it needs and its data; defaults already applied.
 *
 * @param id the segment id
 * @param description shown in reports; empty when none
 * @param boundary what is under test
 * @param fixtureIds the fixtures the segment uses, in the order written
 * @param data data scopes by fixture id
 * @param timeout wall-clock limit for the segment, fixtures included
 * @param retries reruns of a failed test
 * @param jvmArgs arguments of the forked test JVM
 * @param properties system properties of the forked test JVM
 * @param env environment variables of the forked test JVM
 * @param position where the segment is declared
 */
public record SegmentSpec(
    String id,
    String description,
    Boundary boundary,
    List<String> fixtureIds,
    Map<String, DataScope> data,
    Duration timeout,
    int retries,
    List<String> jvmArgs,
    Map<String, String> properties,
    Map<String, String> env,
    Position position) {

  public SegmentSpec {
    fixtureIds = List.copyOf(fixtureIds);
    data = Map.copyOf(data);
    jvmArgs = List.copyOf(jvmArgs);
    properties = Map.copyOf(properties);
    env = Map.copyOf(env);
  }
}
