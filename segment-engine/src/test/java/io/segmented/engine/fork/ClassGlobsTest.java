package io.segmented.engine.fork;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ClassGlobsTest {

  private static boolean matches(String glob, String className) {
    return className.matches(ClassGlobs.toRegex(glob));
  }

  @Test
  void singleStarStaysWithinOnePackageLevel() {
    assertTrue(matches("com.acme.orders.repo.*IT", "com.acme.orders.repo.OrderRepositoryIT"));
    assertFalse(matches("com.acme.orders.repo.*IT", "com.acme.orders.repo.jdbc.OrderRepositoryIT"));
    assertFalse(matches("com.acme.orders.repo.*IT", "com.acme.orders.repo.OrderRepositoryITCase"));
  }

  @Test
  void doubleStarCrossesLevelsAndMatchesNoPackageToo() {
    assertTrue(matches("**.PaymentClientIT", "com.acme.pay.PaymentClientIT"));
    assertTrue(matches("**.PaymentClientIT", "PaymentClientIT"));
    assertFalse(matches("**.PaymentClientIT", "com.acme.pay.OtherPaymentClientIT"));
    assertTrue(matches("com.**", "com.acme.a.B"));
  }

  @Test
  void dotsAndDollarsAreLiteral() {
    assertFalse(matches("com.acme.AIT", "comXacmeXAIT"));
    assertTrue(matches("com.acme.Outer$*", "com.acme.Outer$InnerIT"));
  }
}
