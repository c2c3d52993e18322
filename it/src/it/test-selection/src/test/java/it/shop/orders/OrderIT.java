package it.shop.orders;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

class OrderIT {

  @Test
  void createsOrder() {
    assertEquals("orders", System.getProperty("segment.id"));
  }

  @Test
  void createsDraft() {
    assertEquals("orders", System.getProperty("segment.id"));
  }

  @Test
  @Tag("slow")
  void cancelsOrder() {
    assertEquals("orders", System.getProperty("segment.id"));
  }
}
