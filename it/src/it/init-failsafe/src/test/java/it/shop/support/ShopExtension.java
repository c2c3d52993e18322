package it.shop.support;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Registered through META-INF/services: JUnit loads it only with the configuration parameter
 * junit.jupiter.extensions.autodetection.enabled=true, which failsafe's configuration passes.
 */
public class ShopExtension implements BeforeAllCallback {

  @Override
  public void beforeAll(ExtensionContext context) {
    System.setProperty("shop.extension", "autodetected");
  }
}
