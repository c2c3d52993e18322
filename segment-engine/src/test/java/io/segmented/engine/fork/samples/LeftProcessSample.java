package io.segmented.engine.fork.samples;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * A test that starts two processes: one it forgets, as a test that starts a server and never stops
 * it does, and one its shutdown hook stops. Their process ids go to the file named by {@code
 * sample.pids}, the forgotten one first. Run by {@code LeftProcessTest} in a forked test JVM;
 * surefire leaves it alone (its name ends in Sample).
 */
public class LeftProcessSample {

  @Test
  void startsAProcessAndForgetsIt() throws IOException {
    Process forgotten = new ProcessBuilder("sleep", "600").start();
    Process stoppedByHook = new ProcessBuilder("sleep", "600").start();
    Runtime.getRuntime().addShutdownHook(new Thread(stoppedByHook::destroy));
    Files.writeString(
        Path.of(System.getProperty("sample.pids")),
        forgotten.pid() + "\n" + stoppedByHook.pid() + "\n");
    assertTrue(forgotten.isAlive() && stoppedByHook.isAlive());
  }
}
