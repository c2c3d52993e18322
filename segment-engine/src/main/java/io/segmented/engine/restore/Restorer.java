package io.segmented.engine.restore;

/**
 * Puts one fixture's data back to the state it had when the segment's tests began (its seeded
 * state), keeping the connections the tests hold working.
 */
public interface Restorer extends AutoCloseable {

  /** Records the state to come back to; called once, after the seeds ran. */
  void snapshot() throws Exception;

  /** Back to the recorded state. */
  void restore() throws Exception;

  @Override
  void close();
}
