package io.segmented.engine.restore;

import io.segmented.manifest.Attributes;
import java.time.Duration;

/**
 * The restorers a fixture kind can choose, each over the attributes of the started fixture; a kind
 * says which is its own.
 */
public final class Restorers {

  /**
   * How long a restore of a SQL database may take: it is the work of milliseconds, so one that runs
   * this long waits for something (a lock a test holds) and would wait on.
   */
  public static final Duration SQL_LIMIT = Duration.ofMinutes(1);

  private Restorers() {}

  /** A PostgreSQL database back to its snapshot, as the user the tests connect as. */
  public static Restorer postgresSnapshot(Attributes fixture) {
    return new PostgresSnapshot(
        fixture.jdbcUrl(), fixture.username(), fixture.password(), SQL_LIMIT);
  }

  /** A MySQL or MariaDB database back to its snapshot, by root. */
  public static Restorer mysqlSnapshot(Attributes fixture) {
    return new MysqlSnapshot(fixture.jdbcUrl(), fixture.database(), fixture.password(), SQL_LIMIT);
  }

  /** The Redis logical database of the fixture's URL, flushed. */
  public static Restorer redisFlush(Attributes fixture) {
    return new RedisFlush(fixture.url());
  }

  /** Every logical database of a Redis emptied ({@code FLUSHALL}): a kept Redis for a build. */
  public static Restorer redisFlushAll(Attributes fixture) {
    return new RedisFlush(fixture.url(), true);
  }

  /** A WireMock double's requests journal and scenarios reset, after {@code before}. */
  public static Restorer wiremockReset(Attributes fixture, Restores.BeforeRestore before) {
    return new WiremockReset(fixture.url(), before);
  }
}
