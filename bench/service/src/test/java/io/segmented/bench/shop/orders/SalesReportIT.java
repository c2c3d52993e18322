package io.segmented.bench.shop.orders;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.segmented.bench.shop.Fixtures;
import io.segmented.bench.shop.orders.SalesReport.ProductSales;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The back office's figures over the seeded orders (customers 1 to 20). Orders other tests add
 * belong to customers created by those tests (ids above 1000), so the figures hold also on the
 * baseline's shared database.
 */
class SalesReportIT {

  private static SalesReport report;

  @BeforeAll
  static void connect() {
    report =
        new SalesReport(
            Fixtures.attr("shop-db", "jdbc-url"),
            Fixtures.attr("shop-db", "username"),
            Fixtures.attr("shop-db", "password"));
  }

  @Test
  void countsOrdersPerStatus() {
    assertEquals(
        Map.of(
            OrderStatus.NEW, 40L,
            OrderStatus.PAID, 40L,
            OrderStatus.SHIPPED, 80L,
            OrderStatus.CANCELLED, 40L),
        report.ordersByStatus(1, 20));
  }

  @Test
  void countsOrdersPerStatusOfSomeCustomers() {
    assertEquals(
        Map.of(
            OrderStatus.NEW, 10L,
            OrderStatus.PAID, 10L,
            OrderStatus.SHIPPED, 20L,
            OrderStatus.CANCELLED, 10L),
        report.ordersByStatus(1, 5));
  }

  @Test
  void sumsRevenueOfPaidAndShippedOrders() {
    assertEquals(1_494_125L, report.revenueCents(1, 20));
    assertEquals(429_750L, report.revenueCents(1, 5));
    assertEquals(437_125L, report.revenueCents(6, 10));
  }

  @Test
  void ranksTheBestSellingProducts() {
    assertEquals(
        List.of(
            new ProductSales("SKU-030", 61, 259_250),
            new ProductSales("SKU-006", 60, 75_000),
            new ProductSales("SKU-018", 58, 159_500)),
        report.topProducts(3, 1, 20));
  }

  @Test
  void breaksTiesBetweenProductsBySku() {
    assertEquals(
        List.of(
            new ProductSales("SKU-002", 21, 15_750),
            new ProductSales("SKU-011", 21, 39_375),
            new ProductSales("SKU-018", 20, 55_000)),
        report.topProducts(3, 1, 5));
  }

  @Test
  void splitsRevenueByCategoryLargestFirst() {
    Map<String, Long> byCategory = report.revenueByCategory(1, 20);
    assertEquals(List.of("books", "music", "games"), List.copyOf(byCategory.keySet()));
    assertEquals(736_875L, byCategory.get("books"));
    assertEquals(441_000L, byCategory.get("music"));
    assertEquals(316_250L, byCategory.get("games"));
  }

  @Test
  void revenueByCategoryAddsUpToTheRevenue() {
    long sum = report.revenueByCategory(6, 10).values().stream().mapToLong(Long::longValue).sum();
    assertEquals(report.revenueCents(6, 10), sum);
  }

  @Test
  void countsCustomersPerCountry() {
    assertEquals(
        Map.of("AT", 4L, "BE", 4L, "DE", 4L, "FR", 4L, "NL", 4L), report.customersByCountry(1, 20));
  }

  @Test
  void findsTheCustomerWhoSpentMost() {
    assertEquals(18L, report.bestCustomer(1, 20));
    assertEquals(2L, report.bestCustomer(1, 5));
    assertEquals(10L, report.bestCustomer(6, 10));
  }

  @Test
  void averagesTheOrderValue() {
    assertEquals(12_565L, report.averageOrderCents(1, 20));
    assertEquals(17_143L, report.averageOrderCents(6, 10));
  }
}
