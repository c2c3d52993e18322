package it.f;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class CatalogIT {

  @Test
  void listsTheItems() {
    assertEquals(3, "a,b,c".split(",").length);
  }

  @Test
  void findsAnItem() {
    assertEquals(1, "a,b,c".indexOf('b') / 2);
  }
}
