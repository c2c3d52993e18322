package io.segmented.launcher;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;

/**
 * Asks the engine to restore the segment's data to its seeded state before each test class and/or
 * each test, and waits for the answer: the JUnit Platform calls a listener's {@code
 * executionStarted} before the class's {@code @BeforeAll} or the test's {@code @BeforeEach} run, so
 * the restore happens exactly at the boundary. A restore the engine could not do ends the JVM with
 * exit code {@value #RESTORE_FAILED}, since the tests would otherwise run on data nobody restored.
 *
 * <p>Protocol: first the run's restore token alone on a line (the engine closes a connection that
 * does not start with it), then one line each way: {@code RESTORE class <class name>} or {@code
 * RESTORE test <class name>.<test name>}, answered by {@code OK} or {@code FAILED <why>}.
 */
final class RestoreClient implements TestExecutionListener, AutoCloseable {

  /** The exit code of a JVM whose data could not be restored. */
  static final int RESTORE_FAILED = 5;

  private final Socket socket;
  private final Writer out;
  private final BufferedReader in;
  private final boolean atClass;
  private final boolean atTest;

  RestoreClient(int port, String token, boolean atClass, boolean atTest) throws IOException {
    this.socket = new Socket(InetAddress.getLoopbackAddress(), port);
    this.out = new OutputStreamWriter(socket.getOutputStream(), StandardCharsets.UTF_8);
    out.write(token + "\n");
    out.flush();
    this.in =
        new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
    this.atClass = atClass;
    this.atTest = atTest;
  }

  @Override
  public void executionStarted(TestIdentifier id) {
    if (atClass && id.getSource().orElse(null) instanceof ClassSource c) {
      restore("class " + c.getClassName());
    } else if (atTest && id.isTest()) {
      restore("test " + id.getLegacyReportingName());
    }
  }

  private synchronized void restore(String what) {
    String answer;
    try {
      out.write("RESTORE " + what.replace('\n', ' ') + "\n");
      out.flush();
      answer = in.readLine();
    } catch (IOException e) {
      answer = "FAILED the engine did not answer: " + e.getMessage();
    }
    if (answer == null || !answer.equals("OK")) {
      System.err.println(
          "segment-launcher: the data could not be restored before "
              + what
              + ": "
              + (answer == null ? "the engine closed the connection" : answer));
      System.err.flush();
      Runtime.getRuntime().halt(RESTORE_FAILED);
    }
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
