package io.segmented.engine.restore;

import io.segmented.manifest.Attributes;

/**
 * The restorers a fixture kind can choose, each over the attributes of the started fixture; a kind
 * says which is its own.
 */
public final class Restorers {

  private Restorers() {}

  /** A PostgreSQL database back to its snapshot, as the user the tests connect as. */
  public static Restorer postgresSnapshot(Attributes fixture) {
    return new PostgresSnapshot(fixture.jdbcUrl(), fixture.username(), fixture.password());
  }

  /** A MySQL or MariaDB database back to its snapshot, by root. */
  public static Restorer mysqlSnapshot(Attributes fixture) {
    return new MysqlSnapshot(fixture.jdbcUrl(), fixture.database(), fixture.password());
  }

  /** The Redis logical database of the fixture's URL, flushed. */
  public static Restorer redisFlush(Attributes fixture) {
    return new RedisFlush(fixture.url());
  }

  /** A WireMock double's requests journal and scenarios reset, after {@code before}. */
  public static Restorer wiremockReset(Attributes fixture, Restores.BeforeRestore before) {
    return new WiremockReset(fixture.url(), before);
  }
}
