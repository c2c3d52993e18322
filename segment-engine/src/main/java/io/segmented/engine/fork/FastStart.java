package io.segmented.engine.fork;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * JVM options for a JVM that lives seconds, not hours: a segment's test JVM, a stub server. The
 * client compiler only (the optimising compiler's work never pays off that soon, and on few cores
 * its threads take the CPU that the other lane's fixtures and tests need) and the serial collector
 * (one thread; the heaps of such JVMs are small). Each is added only when the JVM's own options
 * have not chosen: options that set {@code TieredStopAtLevel}, or name a collector, keep theirs
 * (two collectors would stop the JVM from starting).
 */
public final class FastStart {

  private static final String COMPILER = "-XX:TieredStopAtLevel=1";
  private static final String COLLECTOR = "-XX:+UseSerialGC";
  private static final Pattern NAMES_COLLECTOR = Pattern.compile("-XX:[+-]Use\\w*GC\\b");

  private FastStart() {}

  /** The variables through which the environment gives a JVM options of its own. */
  static final List<String> OPTION_VARIABLES =
      List.of("JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS", "_JAVA_OPTIONS");

  /**
   * The options to add to {@code own} (one option each) for a JVM started with the environment
   * {@code env} (a variable's value by name, null when unset), whose {@code JAVA_TOOL_OPTIONS},
   * {@code JDK_JAVA_OPTIONS} and {@code _JAVA_OPTIONS} count as its own too.
   */
  public static List<String> added(List<String> own, UnaryOperator<String> env) {
    List<String> all = new ArrayList<>(own);
    for (String variable : OPTION_VARIABLES) {
      String value = env.apply(variable);
      if (value != null && !value.isBlank()) {
        all.addAll(List.of(value.strip().split("\\s+")));
      }
    }
    return added(all);
  }

  /** The options to add to {@code own} (one option each). */
  public static List<String> added(List<String> own) {
    List<String> added = new ArrayList<>();
    if (own.stream().noneMatch(o -> o.contains("TieredStopAtLevel"))) {
      added.add(COMPILER);
    }
    if (own.stream().noneMatch(o -> NAMES_COLLECTOR.matcher(o).find())) {
      added.add(COLLECTOR);
    }
    return added;
  }

  /** {@code own}, options separated by white space as in {@code JAVA_OPTS}, with the added ones. */
  public static String options(String own) {
    StringBuilder opts = new StringBuilder(own.strip());
    for (String option : added(List.of(own.strip().split("\\s+")))) {
      opts.append(' ').append(option);
    }
    return opts.toString().strip();
  }
}
