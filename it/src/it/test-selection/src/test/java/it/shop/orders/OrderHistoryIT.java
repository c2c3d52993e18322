package it.shop.orders;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class OrderHistoryIT {

  @Test
  void listsOrders() {
    assertEquals("orders", System.getProperty("segment.id"));
  }
}
