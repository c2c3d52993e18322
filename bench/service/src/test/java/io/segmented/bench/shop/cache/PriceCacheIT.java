package io.segmented.bench.shop.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.segmented.bench.shop.Fixtures;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The price cache against a real Redis; each test uses SKUs of its own. */
class PriceCacheIT {

  private PriceCache cache;
  private String prefix;

  @BeforeEach
  void connect() {
    cache = new PriceCache(Fixtures.attr("prices", "url"));
    prefix = UUID.randomUUID().toString().substring(0, 8) + "-";
  }

  @AfterEach
  void close() {
    cache.close();
  }

  private String sku(String name) {
    return prefix + name;
  }

  @Test
  void storesAndReadsAPrice() {
    cache.put(sku("a"), 1_299, Duration.ofMinutes(5));

    assertEquals(OptionalLong.of(1_299), cache.get(sku("a")));
  }

  @Test
  void aMissIsEmpty() {
    assertEquals(OptionalLong.empty(), cache.get(sku("never-stored")));
  }

  @Test
  void aPriceExpires() throws InterruptedException {
    cache.put(sku("short"), 500, Duration.ofMillis(150));
    assertTrue(cache.get(sku("short")).isPresent());

    Thread.sleep(400);

    assertEquals(OptionalLong.empty(), cache.get(sku("short")));
  }

  @Test
  void reportsTheTimeLeft() {
    cache.put(sku("ttl"), 700, Duration.ofSeconds(30));

    Duration left = cache.timeToLive(sku("ttl")).orElseThrow();
    assertTrue(
        left.compareTo(Duration.ofSeconds(25)) > 0 && left.compareTo(Duration.ofSeconds(30)) <= 0,
        "time left " + left);
  }

  @Test
  void putIfAbsentKeepsTheFirstPrice() {
    assertTrue(cache.putIfAbsent(sku("nx"), 100, Duration.ofMinutes(1)));
    assertFalse(cache.putIfAbsent(sku("nx"), 200, Duration.ofMinutes(1)));

    assertEquals(OptionalLong.of(100), cache.get(sku("nx")));
  }

  @Test
  void evictsAPrice() {
    cache.put(sku("gone"), 900, Duration.ofMinutes(1));

    assertTrue(cache.evict(sku("gone")));
    assertFalse(cache.evict(sku("gone")));
    assertEquals(OptionalLong.empty(), cache.get(sku("gone")));
  }

  @Test
  void storesAndReadsManyPricesInOneRoundTrip() {
    Map<String, Long> prices = new LinkedHashMap<>();
    for (int i = 0; i < 200; i++) {
      prices.put(sku("bulk-" + i), 100L + i);
    }
    cache.putAll(prices, Duration.ofMinutes(1));

    List<String> asked = List.of(sku("bulk-0"), sku("missing"), sku("bulk-199"));
    assertEquals(Map.of(sku("bulk-0"), 100L, sku("bulk-199"), 299L), cache.getAll(asked));
  }

  @Test
  void countsViews() {
    for (int i = 0; i < 4; i++) {
      cache.countView(sku("viewed"));
    }

    assertEquals(5L, cache.countView(sku("viewed")));
  }

  @Test
  void ranksTheMostViewedProducts() {
    for (int i = 0; i < 1_000; i++) {
      cache.countView(sku("hot"));
    }
    for (int i = 0; i < 900; i++) {
      cache.countView(sku("warm"));
    }

    assertEquals(List.of(sku("hot"), sku("warm")), cache.mostViewed(2));
  }

  @Test
  void clearsPricesButKeepsViewCounters() {
    cache.put(sku("x"), 1, Duration.ofMinutes(1));
    cache.put(sku("y"), 2, Duration.ofMinutes(1));
    cache.countView(sku("x"));

    assertTrue(cache.clearPrices() >= 2);
    assertEquals(OptionalLong.empty(), cache.get(sku("x")));
    assertEquals(2L, cache.countView(sku("x")));
  }
}
