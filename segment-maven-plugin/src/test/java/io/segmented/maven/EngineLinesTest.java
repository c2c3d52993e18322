package io.segmented.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.segmented.engine.TestRuntime;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.maven.plugin.MojoFailureException;
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
    List<String> lines = bytes.toString(StandardCharsets.UTF_8).lines().toList();
    assertEquals(3, lines.size(), lines.toString());
    assertEquals("I two\\nlines", lines.get(0));
    // the exception with its stack trace, as Maven logs one, in the same one line
    assertTrue(
        lines.get(1).startsWith("W careful\\njava.lang.IllegalStateException: why\\n\tat "),
        lines.get(1));
    assertTrue(lines.get(1).contains("EngineLinesTest"), lines.get(1));
    assertEquals("D said", lines.get(2));
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
  void outcomesReadBackWithTheirMessage() {
    String verdict = "1 of 1 segment(s) failed:\n  segment 'a' (x \u2194 y): FAILED";
    assertEquals(
        new EngineLines.Ended(EngineLines.Outcome.FAIL, verdict),
        EngineLines.Ended.parse(EngineLines.Outcome.FAIL.line(verdict).substring(2)));
    assertEquals(
        new EngineLines.Ended(EngineLines.Outcome.OK, ""),
        EngineLines.Ended.parse(EngineLines.Outcome.OK.line("").substring(2)));
    assertEquals(EngineLines.Outcome.ERROR, EngineLines.Ended.parse("MAYBE so").outcome());
  }

  @Test
  void inputsReadBackAsWrittenWithAndWithoutRuntime() {
    RunInputs inputs =
        new RunInputs(
            "io.x:orders:jar:1.0",
            "orders",
            Path.of("/w/orders"),
            Path.of("/w/orders/segments.yaml"),
            Map.of("db.password", "a=b\nc: d#!", "project.version", "1.0", "ünï", "çödé ✓"),
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
                    List.of(Path.of("/w/orders/target/test-classes"), Path.of("/m2/a b=c:d#.jar")),
                    List.of(Path.of("/m2/launcher.jar")))),
            Optional.empty(),
            true);
    String line = inputs.encode();
    assertFalse(line.contains("\n"), line);
    assertEquals(inputs, RunInputs.decode(line));
    RunInputs without =
        inputs.withRuntime(
            Optional.empty(),
            Optional.of(new RunInputs.Unresolved("no JUnit Platform on the test classpath", true)));
    assertEquals(without, RunInputs.decode(without.encode()));
    assertNull(RunInputs.decode(without.encode()).selection().excludedGroups());
    MojoFailureException thrown = assertThrows(MojoFailureException.class, without::runtimeOrThrow);
    assertEquals("no JUnit Platform on the test classpath", thrown.getMessage());
  }
}
