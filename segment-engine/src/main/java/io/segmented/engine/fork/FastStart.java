package io.segmented.engine.fork;

import java.util.ArrayList;
import java.util.List;
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
