package io.segmented.engine.fork;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Starts a segment's test JVMs. The executor is given one, so a test can drive a run with JVMs that
 * pass, fail, crash or hang on cue; {@link #LOCAL} forks real ones.
 */
@FunctionalInterface
public interface JvmLauncher {

  /** Real forked JVMs. */
  JvmLauncher LOCAL = TestJvm::start;

  /** Starts the JVM {@code spec} describes; the caller awaits and closes it. */
  Forked start(TestJvm.Spec spec) throws IOException;

  /** A started test JVM. */
  interface Forked extends AutoCloseable {

    /**
     * Waits for it to end, at most {@code timeout}; past that, writes a thread dump to {@code
     * threadDump} and kills it.
     */
    TestJvm.Exit await(Duration timeout, Path threadDump) throws InterruptedException;

    /**
     * As {@link #await}, but returns once the JVM told the end of its run, its events file
     * complete, while it may still be exiting ({@link TestJvm.Exit#exiting}); {@link #close} then
     * lets it exit.
     */
    default TestJvm.Exit awaitEnd(Duration timeout, Path threadDump) throws InterruptedException {
      return await(timeout, threadDump);
    }

    /**
     * Hands a JVM started beside its fixtures ({@code --await-handoff true}) their attributes and
     * the restore port (0 for none) and the token that opens it, upon which its tests run.
     */
    default void handOff(
        Map<String, String> properties,
        Map<String, String> env,
        int restorePort,
        String restoreToken)
        throws IOException {}

    /**
     * Tells a JVM started while Maven compiled ({@code --await-discover true}) that the tests are
     * compiled, upon which it discovers them; once, however often it is called.
     */
    default void discover() throws IOException {}

    /** Stops it with its whole process tree; never throws. */
    @Override
    void close();

    /**
     * What {@link #close} had to stop beyond a JVM that exited by itself, as sentences: a JVM that
     * did not exit within its grace after its tests ended, processes its tests started and left
     * running. Empty when there was nothing, or before it was closed.
     */
    default List<String> leftovers() {
      return List.of();
    }
  }
}
