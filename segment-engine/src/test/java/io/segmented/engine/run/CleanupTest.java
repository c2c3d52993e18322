package io.segmented.engine.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** What the run's Ctrl-C hook says, and that it ends however long a stop hangs. */
@Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class CleanupTest {

  private final ByteArrayOutputStream said = new ByteArrayOutputStream();
  private PrintStream err;
  private final CountDownLatch engineAnswers = new CountDownLatch(1);

  @BeforeEach
  void listen() {
    err = System.err;
    System.setErr(new PrintStream(said, true, StandardCharsets.UTF_8));
  }

  @AfterEach
  void restore() {
    System.setErr(err);
    engineAnswers.countDown();
  }

  private String lastLine() {
    String[] lines = said.toString(StandardCharsets.UTF_8).strip().split("\n");
    return lines[lines.length - 1];
  }

  @Test
  void whenAllStopsItSaysNothingIsLeft() {
    try (Cleanup cleanup = new Cleanup(() -> {}, () -> true)) {
      cleanup.add(() -> {});
      cleanup.interrupted(Duration.ofSeconds(10));
    }
    assertEquals("[segment] Stopped; nothing of the run is left running", lastLine());
  }

  @Test
  void whenAStopFailsOrTheEngineStillListsTheRunItSaysSo() {
    try (Cleanup cleanup = new Cleanup(() -> {}, () -> true)) {
      cleanup.add(
          () -> {
            throw new IllegalStateException("the engine said 500");
          });
      cleanup.interrupted(Duration.ofSeconds(10));
    }
    assertTrue(
        lastLine().startsWith("[segment] Stopped, but 1 of the run's test JVMs or fixtures failed"),
        lastLine());
    try (Cleanup cleanup = new Cleanup(() -> {}, () -> false)) {
      cleanup.interrupted(Duration.ofSeconds(10));
    }
    assertTrue(
        lastLine()
            .startsWith(
                "[segment] Stopped, but the Docker engine still lists containers or networks"),
        lastLine());
  }

  @Test
  void theHookLetsTheBuildEndOnceTheStoppedRunWroteItsResults() throws Exception {
    AtomicBoolean written = new AtomicBoolean();
    try (Cleanup cleanup = new Cleanup(() -> {}, () -> true)) {
      Thread run =
          new Thread(
              () -> {
                try {
                  // the run's segments end once the hook stopped them, then it writes its results
                  while (!cleanup.closed()) {
                    Thread.onSpinWait();
                  }
                  Thread.sleep(300); // writing them
                  written.set(true);
                  cleanup.resultsWritten();
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                }
              });
      run.start();
      cleanup.runWritesResults();

      cleanup.interrupted(Duration.ofSeconds(10));

      assertTrue(cleanup.stoppedBySignal());
      assertTrue(written.get(), "the hook returned before the run wrote its results");
      run.join();
    }
  }

  @Test
  void aStopThatHangsIsLeftToTheNextRunOnceTheLimitIsReached() {
    try (Cleanup cleanup = new Cleanup(() -> {}, () -> true)) {
      cleanup.add(engineAnswers::await); // a container removal the engine never answers
      cleanup.interrupted(Duration.ofSeconds(1));
      assertTrue(
          lastLine().startsWith("[segment] Still stopping after 1 s (the Docker engine does not"),
          lastLine());
      engineAnswers.countDown();
    }
  }
}
