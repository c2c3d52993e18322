package io.segmented.engine.fork.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * A test class whose set-up takes a known time before its tests, as a client's {@code @BeforeAll}
 * that opens a connection does, with a nested class. Run by {@code ClassTimeTest} in a forked test
 * JVM; surefire leaves it alone (its name ends in Sample).
 */
public class ClassSetUpSample {

  /** How long the set-up takes at least, in ms. */
  public static final long SET_UP_MILLIS = 400;

  @BeforeAll
  static void setUp() throws InterruptedException {
    Thread.sleep(SET_UP_MILLIS);
  }

  @Test
  void adds() {
    assertEquals(2, 1 + 1);
  }

  @Nested
  class Inner {
    @Test
    void multiplies() {
      assertEquals(4, 2 * 2);
    }
  }
}
