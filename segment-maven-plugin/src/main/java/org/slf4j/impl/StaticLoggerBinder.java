package org.slf4j.impl;

import io.segmented.maven.EngineLogging;
import org.slf4j.ILoggerFactory;
import org.slf4j.spi.LoggerFactoryBinder;

/**
 * SLF4J 1.7's binding in the engine's own JVM ({@code -Dsegment.fork}), whose SLF4J is the one of
 * Maven's {@code lib}: Testcontainers' and docker-java's log lines go to the build's log as they do
 * in Maven's JVM ({@link EngineLogging}). In Maven's JVM this class is never used: SLF4J is bound
 * there by Maven's core, which does not see the plugin's classes. Under Maven 4 (SLF4J 2, which
 * finds its loggers otherwise) the engine's JVM logs none of them.
 */
public final class StaticLoggerBinder implements LoggerFactoryBinder {

  /** The SLF4J API this binding is written for. */
  public static String REQUESTED_API_VERSION = "1.7.36"; // not final: SLF4J reads it so

  private static final StaticLoggerBinder SINGLETON = new StaticLoggerBinder();

  private final ILoggerFactory factory = EngineLogging::logger;

  private StaticLoggerBinder() {}

  public static StaticLoggerBinder getSingleton() {
    return SINGLETON;
  }

  @Override
  public ILoggerFactory getLoggerFactory() {
    return factory;
  }

  @Override
  public String getLoggerFactoryClassStr() {
    return EngineLogging.class.getName();
  }
}
