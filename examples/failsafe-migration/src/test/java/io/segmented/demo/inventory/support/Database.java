package io.segmented.demo.inventory.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.testcontainers.postgresql.PostgreSQLContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * The singleton container pattern, as the suite had it before segments: one PostgreSQL for the
 * test JVM, started by the first test that needs it.
 */
public final class Database {

  private static final PostgreSQLContainer POSTGRES =
      new PostgreSQLContainer(
              DockerImageName.parse(
                      System.getProperty("inventory.postgres.image", "postgres:16-alpine"))
                  .asCompatibleSubstituteFor("postgres"))
          .withDatabaseName("inventory");

  static {
    POSTGRES.start();
    // where Ryuk cannot run, the container's owner stops it
    Runtime.getRuntime().addShutdownHook(new Thread(POSTGRES::stop));
  }

  private Database() {}

  /** A new connection to the test database. */
  public static Connection connect() throws SQLException {
    return DriverManager.getConnection(
        POSTGRES.getJdbcUrl(), POSTGRES.getUsername(), POSTGRES.getPassword());
  }
}
