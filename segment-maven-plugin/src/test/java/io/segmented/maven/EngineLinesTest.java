package io.segmented.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.segmented.engine.TestRuntime;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The engine JVM's messages and the inputs it gets: each one line, read back as written. */
class EngineLinesTest {

  @Test
  void aTextWithLineBreaksAndBackslashesIsOneLineAndReadsBack() {
    String text = "3 of 5 segment(s) failed:\n  segment 'a' (x ↔ y): C:\\temp\\n\r\nend\\";
    String line = EngineLines.escape(text);
    assertFalse(line.contains("\n") || line.contains("\r"), line);
    assertEquals(text, EngineLines.unescape(line));
  }

  @Test
  void theLogWritesOneMessagePerCallAndDebugOnlyWhenOn() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    EngineLines.LineLog quiet = new EngineLines.LineLog(out, false);
    quiet.info("two\nlines");
    quiet.debug("not said");
    quiet.warn("careful", new IllegalStateException("why"));
    new EngineLines.LineLog(out, true).debug("said");
    assertEquals(
        List.of("I two\\nlines", "W careful: java.lang.IllegalStateException: why", "D said"),
        bytes.toString(StandardCharsets.UTF_8).lines().toList());
  }

  @Test
  void standardOutputBecomesOneMessagePerLine() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream protocol = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    PrintStream out =
        new PrintStream(
            new EngineLines.OutLines(protocol, EngineLines.OUT), true, StandardCharsets.UTF_8);
    out.print("::error file=a.java::broke ✘");
    assertTrue(bytes.toString(StandardCharsets.UTF_8).isEmpty(), "a line is sent when it ends");
    out.println();
    out.println("second");
    assertEquals(
        List.of("O ::error file=a.java::broke ✘", "O second"),
        bytes.toString(StandardCharsets.UTF_8).lines().toList());
  }

  @Test
  void inputsReadBackAsWrittenWithAndWithoutRuntime() {
    RunInputs inputs =
        new RunInputs(
            "io.x:orders:jar:1.0",
            "orders",
            Path.of("/w/orders"),
            Path.of("/w/orders/segments.yaml"),
            Map.of("db.password", "a=b\nc", "project.version", "1.0"),
            Path.of("/w/orders/target/segment-reports"),
            Path.of("/w/orders/target/segment-work"),
            Path.of("/w/orders/target/test-classes"),
            Path.of("/w/orders/target/segment-history.json"),
            Path.of("/w"),
            List.of(Path.of("/w/orders/src/test/java"), Path.of("/w/orders/src/it/java")),
            new RunInputs.Selection(
                "orders-*",
                "HEAD~1",
                "*IT#a",
                "slow",
                null,
                "1/2",
                "container",
                Optional.of(3),
                "history",
                "10m"),
            new RunInputs.Options(true, false, true, false, true, false, true, true),
            Optional.of(
                new TestRuntime(
                    Path.of("/jdk/bin/java"),
                    Path.of("/w/orders/target/test-classes"),
                    List.of(Path.of("/w/orders/target/test-classes"), Path.of("/m2/a b.jar")),
                    List.of(Path.of("/m2/launcher.jar")))),
            "",
            false,
            true);
    String line = inputs.encode();
    assertFalse(line.contains("\n"), line);
    assertEquals(inputs, RunInputs.decode(line));
    RunInputs without =
        inputs.withRuntime(Optional.empty(), "no JUnit Platform on the test classpath", true);
    assertEquals(without, RunInputs.decode(without.encode()));
    assertEquals("", without.selection().excludedGroups());
  }
}
