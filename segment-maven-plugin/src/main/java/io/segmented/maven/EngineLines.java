package io.segmented.maven;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Properties;
import org.apache.maven.plugin.logging.Log;

/**
 * The lines the engine's JVM ({@link EngineMain}) writes to Maven's ({@link EngineFork}) on its
 * standard output, one message each: a log line ({@code I}, {@code W}, {@code E}, {@code D} and the
 * text), a line of its own standard output ({@code O}, as GitHub's workflow commands) or error
 * ({@code R}, as the messages of its shutdown hook), and the run's outcome ({@code =} and {@code
 * OK}, {@code FAIL} or {@code ERROR} with the message). Line breaks and backslashes in a text are
 * escaped, so that every message is one line.
 */
final class EngineLines {

  static final char INFO = 'I';
  static final char WARN = 'W';
  static final char ERROR = 'E';
  static final char DEBUG = 'D';
  static final char OUT = 'O';
  static final char ERR = 'R';
  static final char OUTCOME = '=';

  /**
   * Before the outcome: the engine's JVM stays for the module's next build ({@link
   * ResidentEngine}).
   */
  static final char STAYS = 'S';

  /** How a run ended, as the build sees it. */
  enum Outcome {
    /** The goal passed. */
    OK,
    /**
     * The goal failed the build ({@code MojoFailureException}): a failed segment, a bad manifest.
     */
    FAIL,
    /** The goal broke ({@code MojoExecutionException}): no Docker, a crash. */
    ERROR;

    /** The message of this outcome with {@code message}. */
    String line(String message) {
      return OUTCOME + " " + name() + (message.isEmpty() ? "" : " " + escape(message));
    }
  }

  /** An outcome and its message, as {@link Outcome#line} wrote them. */
  record Ended(Outcome outcome, String message) {

    /** What follows {@code "= "} in an outcome's line. */
    static Ended parse(String text) {
      int space = text.indexOf(' ');
      String kind = space < 0 ? text : text.substring(0, space);
      String message = space < 0 ? "" : unescape(text.substring(space + 1));
      try {
        return new Ended(Outcome.valueOf(kind), message);
      } catch (IllegalArgumentException e) {
        return new Ended(
            Outcome.ERROR, "the engine's JVM ended with an outcome of no kind: " + text);
      }
    }
  }

  private EngineLines() {}

  /** {@code text} as one line: backslashes doubled, line breaks as {@code \n} and {@code \r}. */
  static String escape(CharSequence text) {
    StringBuilder s = new StringBuilder(text.length() + 8);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '\\' -> s.append("\\\\");
        case '\n' -> s.append("\\n");
        case '\r' -> s.append("\\r");
        default -> s.append(c);
      }
    }
    return s.toString();
  }

  /** What {@link #escape} made one line of. */
  static String unescape(String line) {
    StringBuilder s = new StringBuilder(line.length());
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == '\\' && i + 1 < line.length()) {
        char next = line.charAt(++i);
        s.append(next == 'n' ? '\n' : next == 'r' ? '\r' : next);
      } else {
        s.append(c);
      }
    }
    return s.toString();
  }

  /**
   * {@code properties} as one line of text (Base64, no line break in it), which {@link #read}
   * reads.
   */
  static String write(Properties properties) {
    StringWriter text = new StringWriter();
    try {
      properties.store(text, null);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Base64.getEncoder().encodeToString(text.toString().getBytes(StandardCharsets.UTF_8));
  }

  /** The properties {@link #write} made {@code line} of. */
  static Properties read(String line) {
    Properties properties = new Properties();
    try {
      properties.load(
          new StringReader(
              new String(Base64.getDecoder().decode(line.strip()), StandardCharsets.UTF_8)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return properties;
  }

  /** A message of {@code kind} with {@code text}. */
  static String line(char kind, CharSequence text) {
    return kind + " " + escape(text);
  }

  /** The engine JVM's log: each line a message on {@code out}. */
  static final class LineLog implements Log {
    private final PrintStream out;
    private final boolean debug;

    LineLog(PrintStream out, boolean debug) {
      this.out = out;
      this.debug = debug;
    }

    private void write(char kind, CharSequence text, Throwable error) {
      String all = text == null ? "" : text.toString();
      if (error != null) {
        // as Maven's log: the message, then the exception with its stack trace
        StringWriter trace = new StringWriter();
        error.printStackTrace(new PrintWriter(trace));
        all =
            (all.isEmpty() ? "" : all + System.lineSeparator()) + trace.toString().stripTrailing();
      }
      synchronized (out) {
        out.println(line(kind, all));
      }
    }

    @Override
    public boolean isDebugEnabled() {
      return debug;
    }

    @Override
    public void debug(CharSequence content) {
      if (debug) {
        write(DEBUG, content, null);
      }
    }

    @Override
    public void debug(CharSequence content, Throwable error) {
      if (debug) {
        write(DEBUG, content, error);
      }
    }

    @Override
    public void debug(Throwable error) {
      debug(null, error);
    }

    @Override
    public boolean isInfoEnabled() {
      return true;
    }

    @Override
    public void info(CharSequence content) {
      write(INFO, content, null);
    }

    @Override
    public void info(CharSequence content, Throwable error) {
      write(INFO, content, error);
    }

    @Override
    public void info(Throwable error) {
      write(INFO, null, error);
    }

    @Override
    public boolean isWarnEnabled() {
      return true;
    }

    @Override
    public void warn(CharSequence content) {
      write(WARN, content, null);
    }

    @Override
    public void warn(CharSequence content, Throwable error) {
      write(WARN, content, error);
    }

    @Override
    public void warn(Throwable error) {
      write(WARN, null, error);
    }

    @Override
    public boolean isErrorEnabled() {
      return true;
    }

    @Override
    public void error(CharSequence content) {
      write(ERROR, content, null);
    }

    @Override
    public void error(CharSequence content, Throwable error) {
      write(ERROR, content, error);
    }

    @Override
    public void error(Throwable error) {
      write(ERROR, null, error);
    }
  }

  /**
   * A stream whose every line becomes a message of {@code kind} on {@code out}: the engine JVM's
   * {@code System.out} ({@link #OUT}) or {@code System.err} ({@link #ERR}), which Maven's JVM
   * prints on its own.
   */
  static final class OutLines extends OutputStream {
    private final PrintStream out;
    private final char kind;
    private final ByteArrayOutputStream pending = new ByteArrayOutputStream();

    OutLines(PrintStream out, char kind) {
      this.out = out;
      this.kind = kind;
    }

    @Override
    public synchronized void write(int b) {
      if (b == '\n') {
        String text = pending.toString(StandardCharsets.UTF_8);
        pending.reset();
        synchronized (out) {
          out.println(line(kind, text));
        }
      } else {
        pending.write(b);
      }
    }

    @Override
    public synchronized void flush() {
      // a line is written when it ends
    }
  }
}
