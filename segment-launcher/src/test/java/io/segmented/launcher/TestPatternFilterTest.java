package io.segmented.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import io.segmented.launcher.samples.OrderSample;
import io.segmented.launcher.samples.PaymentSample;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TagFilter;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/** The filter on a real discovery of two sample classes: which test methods it keeps. */
class TestPatternFilterTest {

  private static final String ORDER = "(?:.*\\.)?OrderSample";
  private static final String PAYMENT = "(?:.*\\.)?PaymentSample";

  private static Set<String> kept(String... patterns) {
    LauncherDiscoveryRequestBuilder request =
        LauncherDiscoveryRequestBuilder.request()
            .selectors(selectClass(OrderSample.class), selectClass(PaymentSample.class));
    if (patterns.length > 0) {
      request.filters(new TestPatternFilter(List.of(patterns)));
    }
    return tests(LauncherFactory.create().discover(request.build()));
  }

  private static Set<String> tests(TestPlan plan) {
    Set<String> names = new TreeSet<>();
    for (TestIdentifier root : plan.getRoots()) {
      for (TestIdentifier t : plan.getDescendants(root)) {
        if (t.isTest() && t.getSource().orElse(null) instanceof MethodSource m) {
          names.add(m.getMethodName());
        }
      }
    }
    return names;
  }

  @Test
  void withoutPatternsEveryTestIsDiscovered() {
    assertEquals(
        Set.of(
            "createsOrder",
            "cancelsOrder",
            "listsOrders",
            "refundsOrder",
            "chargesCard",
            "createsInvoice"),
        kept());
  }

  @Test
  void aClassPatternKeepsItsTestsAndThoseOfItsNestedClasses() {
    assertEquals(
        Set.of("createsOrder", "cancelsOrder", "listsOrders", "refundsOrder"), kept(ORDER));
  }

  @Test
  void methodPatternsNarrowTheClass() {
    assertEquals(Set.of("createsOrder", "listsOrders"), kept(ORDER + "#(?:creates.*|lists.*)"));
    assertEquals(
        Set.of("createsOrder", "createsInvoice"), kept("(?:.*\\.)?[^.]*Sample#(?:creates.*)"));
  }

  @Test
  void exclusionsRemoveClassesOrMethods() {
    assertEquals(Set.of("chargesCard", "createsInvoice"), kept("!" + ORDER));
    assertEquals(
        Set.of("createsOrder", "listsOrders", "refundsOrder"),
        kept(ORDER, "!" + ORDER + "#(?:cancels.*)"));
  }

  @Test
  void theBuildsGroupsAreANDedWithTheFilter() {
    TestPlan plan =
        LauncherFactory.create()
            .discover(
                LauncherDiscoveryRequestBuilder.request()
                    .selectors(selectClass(OrderSample.class), selectClass(PaymentSample.class))
                    .filters(new TestPatternFilter(List.of(ORDER)), TagFilter.includeTags("slow"))
                    .build());
    assertEquals(Set.of("cancelsOrder"), tests(plan));
  }
}
