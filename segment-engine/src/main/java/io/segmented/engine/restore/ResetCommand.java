package io.segmented.engine.restore;

import io.segmented.engine.fixture.Fixture;
import java.time.Duration;
import java.util.List;

/** A {@code container} or {@code process} fixture's own {@code reset} command, within its time. */
final class ResetCommand implements Restorer {

  private final Fixture fixture;
  private final List<String> command;
  private final Duration timeout;

  ResetCommand(Fixture fixture, List<String> command, Duration timeout) {
    this.fixture = fixture;
    this.command = List.copyOf(command);
    this.timeout = timeout;
  }

  @Override
  public void snapshot() {}

  @Override
  public void restore() throws Exception {
    fixture.reset(command, timeout);
  }

  @Override
  public void close() {}
}
