package io.segmented.demo.inventory.stock;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.segmented.demo.inventory.StockRepository;
import io.segmented.demo.inventory.support.Database;
import java.sql.Connection;
import org.junit.jupiter.api.Test;

class StockRepositoryIT {

  @Test
  void adding_stock_twice_adds_up() throws Exception {
    try (Connection c = Database.connect()) {
      StockRepository stock = new StockRepository(c);
      stock.createSchema();
      stock.add("book-1", 2);
      assertEquals(5, stock.add("book-1", 3));
    }
  }
}
