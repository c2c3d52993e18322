package it.faults;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ExitingIT {

  @Test
  @Order(1)
  void passesFirst() {}

  @Test
  @Order(2)
  void callsSystemExit() {
    System.out.println("about to exit");
    System.exit(3);
  }
}
