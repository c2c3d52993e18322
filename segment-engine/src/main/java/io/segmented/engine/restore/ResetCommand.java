package io.segmented.engine.restore;

import io.segmented.engine.fixture.Fixture;
import java.util.List;

/** A {@code container} or {@code process} fixture's own {@code reset} command. */
final class ResetCommand implements Restorer {

  private final Fixture fixture;
  private final List<String> command;

  ResetCommand(Fixture fixture, List<String> command) {
    this.fixture = fixture;
    this.command = List.copyOf(command);
  }

  @Override
  public void snapshot() {}

  @Override
  public void restore() throws Exception {
    fixture.reset(command);
  }

  @Override
  public void close() {}
}
