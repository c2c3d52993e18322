package io.segmented.engine.contract;

/**
 * One way a double broke its contract.
 *
 * @param subject the mapping file or the recorded request, {@code mappings/price.json} or {@code
 *     POST /orders}
 * @param operation the contract's operation, {@code GET /prices/{sku} (getPrice)}; empty when none
 *     matched
 * @param problem what is wrong
 */
public record Violation(String subject, String operation, String problem) {

  /** {@code subject: operation: problem}, as the results show it. */
  public String format() {
    return subject + ": " + (operation.isEmpty() ? "" : operation + ": ") + problem;
  }
}
