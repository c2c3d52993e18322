package it.billing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class InvoicingIT {

  @Test
  void sendsTheInvoice() {
    assertEquals("sent", "queued", "invoice state");
  }
}
