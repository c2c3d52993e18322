package it.secrets;

import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Test;

class FailingIT {

  @Test
  void failsWithItsSecretsInTheMessage() {
    String password = System.getProperty("fixtures.db.password");
    String token = System.getProperty("app.token");
    System.out.println("about to fail with " + password + " and " + token);
    fail("could not log in as shop/" + password + " with token " + token);
  }
}
