package io.segmented.engine.adopt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FailsafePatternsTest {

  @Test
  void failsafesDefaults() {
    FailsafePatterns p = FailsafePatterns.of(List.of(), List.of());
    assertTrue(p.runs("com.acme.OrdersIT"));
    assertTrue(p.runs("com.acme.ITOrders"));
    assertTrue(p.runs("com.acme.OrdersITCase"));
    assertTrue(p.runs("OrdersIT"));
    assertFalse(p.runs("com.acme.OrdersTest"));
    assertFalse(p.runs("com.acme.ITs.Helper"), "a package named IT* is no test");
    assertEquals(Optional.of(List.of("**.IT*", "**.*IT", "**.*ITCase")), p.globs());
  }

  @Test
  void ownIncludesAndExcludes() {
    FailsafePatterns p =
        FailsafePatterns.of(
            List.of("com/acme/**/*Integration.java", "*Slow"), List.of("**/Broken*"));
    assertTrue(p.runs("com.acme.orders.OrdersIntegration"));
    assertTrue(p.runs("com.acme.OrdersIntegration"));
    assertFalse(p.runs("org.other.OrdersIntegration"));
    assertTrue(p.runs("org.other.VerySlow"), "no directory: any package");
    assertTrue(p.included("com.acme.BrokenIntegration"));
    assertTrue(p.excluded("com.acme.BrokenIntegration"));
    assertFalse(p.runs("com.acme.BrokenIntegration"));
    assertEquals(Optional.of(List.of("com.acme.**.*Integration", "**.*Slow")), p.globs());
    assertEquals(
        Optional.of(List.of("com.acme.orders.*Integration")),
        p.globsIn("com.acme.orders", List.of("com.acme.orders.OrdersIntegration")));
  }

  @Test
  void regexIncludesHaveNoGlobForm() {
    FailsafePatterns p =
        FailsafePatterns.of(List.of("%regex[.*Check.*]", "**/*IT.java#fast*"), List.of());
    assertTrue(p.runs("com.acme.ContractChecks"));
    assertTrue(p.runs("com.acme.OrdersIT"), "the #method part is ignored");
    assertEquals(Optional.empty(), p.globs());
    assertEquals(Optional.empty(), p.globsIn("com.acme", List.of("com.acme.ContractChecks")));
    assertEquals(
        Optional.of(List.of("com.acme.*IT")), p.globsIn("com.acme", List.of("com.acme.OrdersIT")));
  }
}
