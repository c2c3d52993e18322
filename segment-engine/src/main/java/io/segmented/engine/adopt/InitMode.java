package io.segmented.engine.adopt;

import io.segmented.engine.InputException;
import io.segmented.engine.PropertyNames;
import java.util.Locale;

/** How {@code segment:init} groups the integration tests into segments. */
public enum InitMode {
  /** One segment per package, named after it: the default. */
  PACKAGE,
  /** One segment, {@code legacy}, that runs every integration test as failsafe did. */
  SINGLE;

  /** {@code -Dsegment.init}; the default when {@code value} is null or blank. */
  public static InitMode parse(String value) throws InputException {
    if (value == null || value.isBlank()) {
      return PACKAGE;
    }
    try {
      return valueOf(value.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new InputException(
          "-D"
              + PropertyNames.INIT
              + "="
              + value
              + " is not a way to group the tests. Write -D"
              + PropertyNames.INIT
              + "=package (one segment per package, the default) or -D"
              + PropertyNames.INIT
              + "=single (one segment, 'legacy', for every integration test)");
    }
  }
}
