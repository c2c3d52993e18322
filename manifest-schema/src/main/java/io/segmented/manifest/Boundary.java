package io.segmented.manifest;

import java.util.List;

/**
 * What a segment puts under test: one interface between two sides.
 *
 * @param between the two sides, each a component name or a fixture id
 * @param tests the test classes that exercise the boundary
 * @param covers module-relative path globs whose change makes the segment relevant
 * @param contract the contract both sides are checked against; null when none
 */
public record Boundary(
    List<String> between, TestSelectors tests, List<String> covers, Contract contract) {

  public Boundary {
    between = List.copyOf(between);
    covers = List.copyOf(covers);
  }

  /** {@code "orders ↔ orders-db"}, as the report and the log name a boundary. */
  public String label() {
    return String.join(" \u2194 ", between);
  }
}
