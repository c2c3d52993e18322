package io.segmented.engine.fork.samples;

import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Test;

/**
 * A test that prints and fails with the secrets it is given, as one that logs its connection
 * settings would. Run by {@code TestJvmSecretsTest} in a forked test JVM; surefire leaves it alone
 * (its name ends in Sample).
 */
public class SecretSample {

  @Test
  void failsWithItsSecrets() {
    String password = System.getProperty("fixtures.db.password");
    String token = System.getProperty("app.token");
    System.out.println("connecting with " + password + " and " + token);
    fail("could not log in with " + password + " and " + token);
  }
}
