package io.segmented.engine.fork.samples;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * A test that starts a process and then ends its JVM at once ({@code Runtime.halt}, as a crash
 * does): the JVM never tells the end of its run nor names the process, which then belongs to no
 * one. Its process id goes to the file named by {@code sample.pids}. Run by {@code LeftProcessTest}
 * in a forked test JVM; surefire leaves it alone (its name ends in Sample).
 */
public class CrashWithProcessSample {

  @Test
  void startsAProcessAndCrashes() throws IOException, InterruptedException {
    Process server = new ProcessBuilder("sleep", "602").start();
    Files.writeString(Path.of(System.getProperty("sample.pids")), server.pid() + "\n");
    // long enough for the build to have looked at the JVM's processes (every 0.5 s) once
    Thread.sleep(1500);
    Runtime.getRuntime().halt(3);
  }
}
