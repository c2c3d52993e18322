package io.segmented.bench.shop;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.lifecycle.Startables;
import org.testcontainers.utility.DockerImageName;
import org.testcontainers.utility.MountableFile;

/**
 * The baseline's fixtures: Testcontainers' singleton pattern, as teams write it today. Every
 * container of the suite starts once per JVM (in parallel, the fastest way the pattern allows), the
 * database is seeded once and shared by every test class, and the containers live until the JVM
 * exits. Same images, same seeds and the same system properties as the segments get.
 */
final class BaselineFixtures {

  private static boolean started;

  private BaselineFixtures() {}

  static synchronized void startOnce() {
    if (started) {
      return;
    }
    Path basedir = Path.of(System.getProperty("bench.basedir", "."));
    GenericContainer<?> db =
        new GenericContainer<>(DockerImageName.parse(System.getProperty("bench.image.postgres")))
            .withEnv("POSTGRES_DB", "shop")
            .withEnv("POSTGRES_USER", "shop")
            .withEnv("POSTGRES_PASSWORD", "shop-secret")
            .withCommand("postgres", "-c", "fsync=off")
            .withExposedPorts(5432)
            .waitingFor(
                Wait.forLogMessage(".*database system is ready to accept connections.*", 2)
                    .withStartupTimeout(Duration.ofSeconds(60)));
    GenericContainer<?> redis =
        new GenericContainer<>(DockerImageName.parse(System.getProperty("bench.image.redis")))
            .withExposedPorts(6379)
            .waitingFor(Wait.forLogMessage(".*Ready to accept connections.*", 1));
    GenericContainer<?> wiremock =
        new GenericContainer<>(DockerImageName.parse(System.getProperty("bench.image.wiremock")))
            .withExposedPorts(8080)
            .withCopyFileToContainer(
                MountableFile.forHostPath(basedir.resolve("src/it/wiremock")), "/home/wiremock")
            .waitingFor(Wait.forHttp("/__admin/mappings").forPort(8080).forStatusCode(200));
    GenericContainer<?> stock =
        new GenericContainer<>(DockerImageName.parse(System.getProperty("bench.image.httpd")))
            .withExposedPorts(8080)
            .withCopyFileToContainer(
                MountableFile.forHostPath(basedir.resolve("src/it/www")), "/www")
            .waitingFor(Wait.forHttp("/stock/index.json").forPort(8080).forStatusCode(200));
    Startables.deepStart(List.of(db, redis, wiremock, stock)).join();

    String jdbcUrl =
        "jdbc:postgresql://"
            + db.getHost()
            + ":"
            + db.getMappedPort(5432)
            + "/shop?loggerLevel=OFF";
    set("shop-db", "jdbc-url", jdbcUrl);
    set("shop-db", "username", "shop");
    set("shop-db", "password", "shop-secret");
    set("prices", "url", "redis://" + redis.getHost() + ":" + redis.getMappedPort(6379) + "/0");
    set("catalog", "url", "http://" + wiremock.getHost() + ":" + wiremock.getMappedPort(8080));
    set("stock", "host", stock.getHost());
    set("stock", "port", Integer.toString(stock.getMappedPort(8080)));
    seed(jdbcUrl, basedir.resolve("src/it/sql/schema.sql"), basedir.resolve("src/it/sql/seed.sql"));
    started = true;
  }

  private static void set(String fixture, String attribute, String value) {
    System.setProperty("fixtures." + fixture + "." + attribute, value);
  }

  private static void seed(String jdbcUrl, Path... scripts) {
    try (Connection c = DriverManager.getConnection(jdbcUrl, "shop", "shop-secret");
        Statement s = c.createStatement()) {
      for (Path script : scripts) {
        s.execute(Files.readString(script));
      }
    } catch (Exception e) {
      throw new IllegalStateException("seeding the baseline database failed: " + e.getMessage(), e);
    }
  }
}
