package io.segmented.engine.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.segmented.engine.RunListener;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The run's events reach the Maven log through {@link SerializedListener}: an event it does not
 * pass on falls to {@link RunListener}'s empty default and is never told.
 */
class SerializedListenerTest {

  @Test
  void passesOnEveryEventOfTheRunListener() {
    List<String> notPassedOn =
        Arrays.stream(RunListener.class.getMethods())
            .filter(m -> !Modifier.isStatic(m.getModifiers()))
            .filter(m -> !overridden(m))
            .map(Method::getName)
            .toList();

    assertEquals(List.of(), notPassedOn);
  }

  private static boolean overridden(Method m) {
    try {
      return SerializedListener.class
              .getMethod(m.getName(), m.getParameterTypes())
              .getDeclaringClass()
          == SerializedListener.class;
    } catch (NoSuchMethodException e) {
      return false;
    }
  }
}
