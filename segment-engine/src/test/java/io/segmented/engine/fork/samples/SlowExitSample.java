package io.segmented.engine.fork.samples;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * A test that leaves its JVM slow to exit, as tests do: a thread blocked in native code (a server
 * socket's accept, as an HTTP client's selector is) and a shutdown hook that takes a while and then
 * writes a file, as a coverage agent does. Run by {@code ExitingJvmTest} in a forked test JVM;
 * surefire leaves it alone (its name ends in Sample).
 */
public class SlowExitSample {

  /** How long the shutdown hook takes before it writes its file, in ms. */
  public static final long HOOK_MILLIS = 1000;

  @Test
  void leavesABlockedThreadAndAShutdownHook() throws IOException {
    ServerSocket server = new ServerSocket(0);
    Thread blocked =
        new Thread(
            () -> {
              try {
                server.accept();
              } catch (IOException e) {
                // closed
              }
            },
            "blocked-in-accept");
    blocked.setDaemon(true);
    blocked.start();
    Path marker = Path.of(System.getProperty("sample.hook.marker"));
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  try {
                    Thread.sleep(HOOK_MILLIS);
                    Files.writeString(marker, "written at exit");
                  } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                  } catch (IOException e) {
                    throw new UncheckedIOException(e);
                  }
                }));
    assertTrue(blocked.isAlive());
  }
}
