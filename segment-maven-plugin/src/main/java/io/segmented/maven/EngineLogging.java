package io.segmented.maven;

import org.apache.maven.plugin.logging.Log;
import org.slf4j.Logger;
import org.slf4j.helpers.FormattingTuple;
import org.slf4j.helpers.MarkerIgnoringBase;
import org.slf4j.helpers.MessageFormatter;

/**
 * The SLF4J loggers of the engine's own JVM ({@code org.slf4j.impl.StaticLoggerBinder}): each line
 * to the build's log, at the levels Maven's JVM shows them (info, and warnings only for
 * Testcontainers' and docker-java's chatty loggers, as {@link TestcontainersLogging} sets them
 * there; everything with {@code -X}). Before {@link #to} gives the log, nothing is logged.
 */
public final class EngineLogging {

  private static volatile Log log;

  private EngineLogging() {}

  /** From now on the loggers write to {@code log}. */
  static void to(Log log) {
    EngineLogging.log = log;
  }

  /** The logger named {@code name}. */
  public static Logger logger(String name) {
    return new LineLogger(name);
  }

  /** Severities, lowest first. */
  private enum Level {
    TRACE,
    DEBUG,
    INFO,
    WARN,
    ERROR
  }

  private static final class LineLogger extends MarkerIgnoringBase {
    private static final long serialVersionUID = 1L;

    private final Level threshold;

    LineLogger(String name) {
      this.name = name;
      boolean chatty =
          TestcontainersLogging.CHATTY_LOGGERS.stream()
              .anyMatch(p -> name.equals(p) || name.startsWith(p + "."));
      Log current = log;
      this.threshold =
          current != null && current.isDebugEnabled()
              ? Level.DEBUG
              : chatty ? Level.WARN : Level.INFO;
    }

    private boolean on(Level level) {
      return log != null && level.compareTo(threshold) >= 0;
    }

    private void say(Level level, String format, Object... arguments) {
      if (!on(level)) {
        return;
      }
      FormattingTuple message = MessageFormatter.arrayFormat(format, arguments);
      say(level, message.getMessage(), message.getThrowable());
    }

    private void say(Level level, String message, Throwable error) {
      Log to = log;
      if (to == null || !on(level)) {
        return;
      }
      switch (level) {
        case ERROR -> to.error(message, error);
        case WARN -> to.warn(message, error);
        case INFO -> to.info(message, error);
        default -> to.debug(message, error);
      }
    }

    @Override
    public boolean isTraceEnabled() {
      return false;
    }

    @Override
    public void trace(String msg) {}

    @Override
    public void trace(String format, Object arg) {}

    @Override
    public void trace(String format, Object arg1, Object arg2) {}

    @Override
    public void trace(String format, Object... arguments) {}

    @Override
    public void trace(String msg, Throwable t) {}

    @Override
    public boolean isDebugEnabled() {
      return on(Level.DEBUG);
    }

    @Override
    public void debug(String msg) {
      say(Level.DEBUG, msg, (Throwable) null);
    }

    @Override
    public void debug(String format, Object arg) {
      say(Level.DEBUG, format, arg);
    }

    @Override
    public void debug(String format, Object arg1, Object arg2) {
      say(Level.DEBUG, format, arg1, arg2);
    }

    @Override
    public void debug(String format, Object... arguments) {
      say(Level.DEBUG, format, arguments);
    }

    @Override
    public void debug(String msg, Throwable t) {
      say(Level.DEBUG, msg, t);
    }

    @Override
    public boolean isInfoEnabled() {
      return on(Level.INFO);
    }

    @Override
    public void info(String msg) {
      say(Level.INFO, msg, (Throwable) null);
    }

    @Override
    public void info(String format, Object arg) {
      say(Level.INFO, format, arg);
    }

    @Override
    public void info(String format, Object arg1, Object arg2) {
      say(Level.INFO, format, arg1, arg2);
    }

    @Override
    public void info(String format, Object... arguments) {
      say(Level.INFO, format, arguments);
    }

    @Override
    public void info(String msg, Throwable t) {
      say(Level.INFO, msg, t);
    }

    @Override
    public boolean isWarnEnabled() {
      return on(Level.WARN);
    }

    @Override
    public void warn(String msg) {
      say(Level.WARN, msg, (Throwable) null);
    }

    @Override
    public void warn(String format, Object arg) {
      say(Level.WARN, format, arg);
    }

    @Override
    public void warn(String format, Object arg1, Object arg2) {
      say(Level.WARN, format, arg1, arg2);
    }

    @Override
    public void warn(String format, Object... arguments) {
      say(Level.WARN, format, arguments);
    }

    @Override
    public void warn(String msg, Throwable t) {
      say(Level.WARN, msg, t);
    }

    @Override
    public boolean isErrorEnabled() {
      return on(Level.ERROR);
    }

    @Override
    public void error(String msg) {
      say(Level.ERROR, msg, (Throwable) null);
    }

    @Override
    public void error(String format, Object arg) {
      say(Level.ERROR, format, arg);
    }

    @Override
    public void error(String format, Object arg1, Object arg2) {
      say(Level.ERROR, format, arg1, arg2);
    }

    @Override
    public void error(String format, Object... arguments) {
      say(Level.ERROR, format, arguments);
    }

    @Override
    public void error(String msg, Throwable t) {
      say(Level.ERROR, msg, t);
    }
  }
}
