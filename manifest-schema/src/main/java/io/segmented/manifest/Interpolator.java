package io.segmented.manifest;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Replaces {@code ${...}} in manifest values: {@code ${basedir}}, Maven project properties such as
 * {@code ${project.version}}, and {@code ${env.NAME}}. Names it does not know are left as written,
 * because fixture attributes such as {@code ${jdbc-url}} are only known once the fixture runs.
 */
public final class Interpolator {

  private static final Pattern REFERENCE = Pattern.compile("\\$\\{([^}]+)}");

  private final Map<String, String> values;
  private final Map<String, String> env;

  private Interpolator(Map<String, String> values, Map<String, String> env) {
    this.values = values;
    this.env = env;
  }

  /**
   * @param basedir the module directory
   * @param properties the project's properties, {@code project.version} and the like included
   * @param env the environment {@code ${env.NAME}} reads
   */
  public static Interpolator of(
      Path basedir, Map<String, String> properties, Map<String, String> env) {
    Map<String, String> values = new HashMap<>(properties);
    values.put("basedir", basedir.toString());
    values.put("project.basedir", basedir.toString());
    return new Interpolator(values, Map.copyOf(env));
  }

  /** Replaces the names this interpolator knows. */
  public String apply(String text) {
    return replace(
        text, name -> name.startsWith("env.") ? env.get(name.substring(4)) : values.get(name));
  }

  /**
   * Replaces {@code ${name}} by what {@code lookup} gives; names it gives null for stay as written.
   */
  public static String replace(String text, Function<String, String> lookup) {
    if (text.indexOf("${") < 0) {
      return text;
    }
    Matcher m = REFERENCE.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String value = lookup.apply(m.group(1));
      m.appendReplacement(out, Matcher.quoteReplacement(value == null ? m.group() : value));
    }
    m.appendTail(out);
    return out.toString();
  }
}
