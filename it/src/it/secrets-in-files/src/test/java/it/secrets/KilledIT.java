package it.secrets;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/**
 * Fails its first attempt with its secrets in the message; its retry, in a test JVM of its own,
 * logs in with the password it was handed, tells verify.groovy that it runs by writing
 * target/killed-test.properties, and waits for the build to be killed.
 */
class KilledIT {

  @Test
  void failsThenWaitsToBeKilledInItsRetry() throws Exception {
    String password = System.getProperty("fixtures.db.password");
    String token = System.getProperty("app.token");
    System.out.println("attempt with " + password + " and " + token);
    Path target = Path.of(System.getProperty("segment.basedir"), "target");
    Path firstAttempt = target.resolve("killed-first-attempt");
    if (Files.notExists(firstAttempt)) {
      Files.createFile(firstAttempt);
      fail("could not log in as shop/" + password + " with token " + token);
    }
    try (Connection c =
        DriverManager.getConnection(System.getProperty("fixtures.db.jdbc-url"), "shop", password)) {
      c.createStatement().execute("select 1");
    }
    Properties running = new Properties();
    running.setProperty("test.jvm.pid", String.valueOf(ProcessHandle.current().pid()));
    Path partial = target.resolve("killed-test.properties.part");
    try (OutputStream out = Files.newOutputStream(partial)) {
      running.store(out, "written by the retry of KilledIT, logged in to its database");
    }
    Files.move(partial, target.resolve("killed-test.properties"), StandardCopyOption.ATOMIC_MOVE);
    Thread.sleep(300_000);
    fail("the build was not killed within 5 minutes");
  }
}
