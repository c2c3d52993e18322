package it.shop.support;

/** What the suite needs from failsafe's configuration; without it every test fails here. */
public final class Settings {

  private Settings() {}

  /** Fails with the name of what is missing. */
  public static void check() {
    require("shop.region", System.getProperty("shop.region"), "eu-west");
    require("shop.argline", System.getProperty("shop.argline"), "from-argLine");
    require("SHOP_MODE", System.getenv("SHOP_MODE"), "integration");
    require("shop.extension", System.getProperty("shop.extension"), "autodetected");
  }

  private static void require(String name, String actual, String expected) {
    if (!expected.equals(actual)) {
      throw new IllegalStateException(
          "missing " + name + ": expected " + expected + " but was " + actual);
    }
  }
}
