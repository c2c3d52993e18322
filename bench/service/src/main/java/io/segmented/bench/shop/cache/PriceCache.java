package io.segmented.bench.shop.cache;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Prices in cents in Redis, under {@code price:<sku>}, each with a time to live; plus a counter of
 * price look-ups per SKU and a leaderboard of the most viewed products.
 */
public final class PriceCache implements AutoCloseable {

  private final Resp redis;

  /** {@code url}: {@code redis://host:port/db}. */
  public PriceCache(String url) {
    this.redis = new Resp(URI.create(url));
  }

  public void put(String sku, long cents, Duration ttl) {
    redis.call("SET", key(sku), Long.toString(cents), "PX", Long.toString(ttl.toMillis()));
  }

  /** Stores the price only if none is cached; true if it was stored. */
  public boolean putIfAbsent(String sku, long cents, Duration ttl) {
    return "OK"
        .equals(
            redis.call(
                "SET", key(sku), Long.toString(cents), "NX", "PX", Long.toString(ttl.toMillis())));
  }

  /** Stores many prices in one round trip. */
  public void putAll(Map<String, Long> prices, Duration ttl) {
    List<List<String>> commands = new ArrayList<>();
    prices.forEach(
        (sku, cents) ->
            commands.add(
                List.of(
                    "SET", key(sku), Long.toString(cents), "PX", Long.toString(ttl.toMillis()))));
    redis.pipelined(commands);
  }

  public OptionalLong get(String sku) {
    Object v = redis.call("GET", key(sku));
    return v == null ? OptionalLong.empty() : OptionalLong.of(Long.parseLong((String) v));
  }

  /** The cached prices of those SKUs that have one, in the order asked. */
  public Map<String, Long> getAll(List<String> skus) {
    List<String> args = new ArrayList<>();
    args.add("MGET");
    skus.forEach(s -> args.add(key(s)));
    @SuppressWarnings("unchecked")
    List<Object> values = (List<Object>) redis.call(args.toArray(String[]::new));
    Map<String, Long> out = new LinkedHashMap<>();
    for (int i = 0; i < skus.size(); i++) {
      if (values.get(i) != null) {
        out.put(skus.get(i), Long.parseLong((String) values.get(i)));
      }
    }
    return out;
  }

  public boolean evict(String sku) {
    return (Long) redis.call("DEL", key(sku)) == 1L;
  }

  /** The time left before the price expires, if it is cached with one. */
  public Optional<Duration> timeToLive(String sku) {
    long ms = (Long) redis.call("PTTL", key(sku));
    return ms < 0 ? Optional.empty() : Optional.of(Duration.ofMillis(ms));
  }

  /** Counts a look-up of the SKU's price; returns the new count. */
  public long countView(String sku) {
    long n = (Long) redis.call("INCR", "views:" + sku);
    redis.call("ZINCRBY", "views:top", "1", sku);
    return n;
  }

  /** The most viewed SKUs, most first. */
  public List<String> mostViewed(int n) {
    List<String> out = new ArrayList<>();
    for (Object o : (List<?>) redis.call("ZREVRANGE", "views:top", "0", Integer.toString(n - 1))) {
      out.add((String) o);
    }
    return out;
  }

  /** Removes every cached price (not the view counters); returns how many were removed. */
  public long clearPrices() {
    long removed = 0;
    String cursor = "0";
    do {
      List<?> reply = (List<?>) redis.call("SCAN", cursor, "MATCH", "price:*", "COUNT", "100");
      cursor = (String) reply.get(0);
      for (Object k : (List<?>) reply.get(1)) {
        removed += (Long) redis.call("DEL", (String) k);
      }
    } while (!"0".equals(cursor));
    return removed;
  }

  private static String key(String sku) {
    return "price:" + sku;
  }

  @Override
  public void close() {
    redis.close();
  }
}
