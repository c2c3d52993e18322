package io.segmented.bench.shop.orders;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.segmented.bench.shop.Fixtures;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Placing and changing orders through the repository: each test works on a customer of its own. */
class OrderRepositoryIT {

  private static OrderRepository repository;
  private long customer;

  @BeforeAll
  static void connect() {
    repository =
        new OrderRepository(
            Fixtures.attr("shop-db", "jdbc-url"),
            Fixtures.attr("shop-db", "username"),
            Fixtures.attr("shop-db", "password"));
  }

  @BeforeEach
  void newCustomer() {
    customer = repository.createCustomer(UUID.randomUUID() + "@example.com", "Test Customer", "DE");
  }

  @Test
  void placesAnOrderAndReadsItBack() {
    long id =
        repository.place(
            customer, List.of(new OrderLine("SKU-001", 2, 625), new OrderLine("SKU-002", 1, 750)));

    Order order = repository.find(id).orElseThrow();
    assertEquals(customer, order.customerId());
    assertEquals(OrderStatus.NEW, order.status());
    assertEquals(
        List.of(new OrderLine("SKU-001", 2, 625), new OrderLine("SKU-002", 1, 750)), order.lines());
    assertEquals(2_000L, order.totalCents());
  }

  @Test
  void newCustomersGetIdsAfterTheSeededOnes() {
    assertTrue(customer > 1000, "customer id " + customer);
  }

  @Test
  void anUnknownSkuRollsTheWholeOrderBack() {
    assertThrows(
        RepositoryException.class,
        () ->
            repository.place(
                customer,
                List.of(new OrderLine("SKU-001", 1, 625), new OrderLine("NO-SUCH-SKU", 1, 1))));

    assertEquals(List.of(), repository.ofCustomer(customer));
  }

  @Test
  void aDuplicateEmailIsRefused() {
    String email = UUID.randomUUID() + "@example.com";
    repository.createCustomer(email, "First", "FR");

    RepositoryException e =
        assertThrows(
            RepositoryException.class, () -> repository.createCustomer(email, "Second", "FR"));
    assertTrue(e.getMessage().contains("customer_email_key"), e.getMessage());
  }

  @Test
  void listsTheOrdersOfACustomerNewestFirst() {
    long first = repository.place(customer, List.of(new OrderLine("SKU-003", 1, 875)));
    long second = repository.place(customer, List.of(new OrderLine("SKU-004", 3, 1000)));
    long third = repository.place(customer, List.of(new OrderLine("SKU-005", 2, 1125)));

    assertEquals(
        List.of(third, second, first),
        repository.ofCustomer(customer).stream().map(Order::id).toList());
  }

  @Test
  void changesTheStatusAndBumpsTheVersion() {
    long id = repository.place(customer, List.of(new OrderLine("SKU-006", 1, 1250)));

    assertTrue(repository.changeStatus(id, 0, OrderStatus.PAID));
    assertTrue(repository.changeStatus(id, 1, OrderStatus.SHIPPED));

    Order order = repository.find(id).orElseThrow();
    assertEquals(OrderStatus.SHIPPED, order.status());
    assertEquals(2, order.version());
  }

  @Test
  void aStaleVersionLosesTheRace() {
    long id = repository.place(customer, List.of(new OrderLine("SKU-007", 1, 1375)));
    assertTrue(repository.changeStatus(id, 0, OrderStatus.PAID));

    assertFalse(repository.changeStatus(id, 0, OrderStatus.CANCELLED));
    assertEquals(OrderStatus.PAID, repository.find(id).orElseThrow().status());
  }

  @Test
  void deletesAnUnpaidOrderWithItsLines() {
    long id =
        repository.place(
            customer,
            List.of(new OrderLine("SKU-008", 1, 1500), new OrderLine("SKU-009", 1, 1625)));

    assertTrue(repository.deleteUnpaid(id));
    assertTrue(repository.find(id).isEmpty());
  }

  @Test
  void keepsAPaidOrder() {
    long id = repository.place(customer, List.of(new OrderLine("SKU-010", 4, 1750)));
    repository.changeStatus(id, 0, OrderStatus.PAID);

    assertFalse(repository.deleteUnpaid(id));
    assertEquals(7_000L, repository.find(id).orElseThrow().totalCents());
  }

  @Test
  void readsASeededOrderWithItsLines() {
    Order seeded = repository.find(1).orElseThrow();
    assertEquals(8L, seeded.customerId());
    assertEquals(OrderStatus.PAID, seeded.status());
    assertEquals(2, seeded.lines().size());
    assertEquals("SKU-015", seeded.lines().get(0).sku());
  }
}
