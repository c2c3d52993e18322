package it.j;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * A test that starts a process and forgets it, as a test that starts a server and never stops it.
 */
class LeftProcessIT {

  @Test
  void startsAProcessAndForgetsIt() throws Exception {
    // an odd duration, so that verify.groovy finds exactly this process
    Process forgotten = new ProcessBuilder("sleep", "613.25").start();
    assertTrue(forgotten.isAlive());
  }
}
