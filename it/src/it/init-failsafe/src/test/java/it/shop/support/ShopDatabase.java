package it.shop.support;

import org.testcontainers.postgresql.PostgreSQLContainer;
import org.testcontainers.utility.DockerImageName;

/** The singleton container pattern: one PostgreSQL for every test class that uses it. */
public final class ShopDatabase {

  public static final PostgreSQLContainer POSTGRES =
      new PostgreSQLContainer(
              DockerImageName.parse(System.getProperty("shop.postgres.image", "postgres:16-alpine"))
                  .asCompatibleSubstituteFor("postgres"))
          .withDatabaseName("shop");

  static {
    POSTGRES.start();
    // no Ryuk on this machine: stop it when the JVM ends, as the singleton's owner
    Runtime.getRuntime().addShutdownHook(new Thread(POSTGRES::stop));
  }

  private ShopDatabase() {}
}
