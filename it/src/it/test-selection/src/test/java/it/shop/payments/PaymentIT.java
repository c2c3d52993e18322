package it.shop.payments;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

class PaymentIT {

  @Test
  @Tag("slow")
  void chargesCard() {
    assertEquals("payments", System.getProperty("segment.id"));
  }
}
