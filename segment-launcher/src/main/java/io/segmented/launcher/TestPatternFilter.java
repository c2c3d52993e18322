package io.segmented.launcher;

import java.util.List;
import java.util.regex.Pattern;
import org.junit.platform.engine.FilterResult;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.TestSource;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.PostDiscoveryFilter;

/**
 * {@code -Dit.test} inside the test JVM: each pattern is {@code [!]classRegex[#methodRegex]}. A
 * test runs when an including pattern matches its class (and method, when the pattern names one) or
 * there is none, and no excluding pattern matches it. Tests of a nested class count as tests of
 * their top-level class too. Containers are left to the platform, which drops those left empty.
 */
final class TestPatternFilter implements PostDiscoveryFilter {

  private record Rule(boolean exclude, Pattern classes, Pattern methods) {

    static Rule parse(String text) {
      boolean exclude = text.startsWith("!");
      String p = exclude ? text.substring(1) : text;
      int hash = p.indexOf('#');
      return new Rule(
          exclude,
          Pattern.compile(hash < 0 ? p : p.substring(0, hash)),
          hash < 0 ? null : Pattern.compile(p.substring(hash + 1)));
    }

    boolean matches(String className, String methodName) {
      boolean classMatches =
          classes.matcher(className).matches()
              || (className.contains("$")
                  && classes.matcher(className.substring(0, className.indexOf('$'))).matches());
      if (!classMatches) {
        return false;
      }
      return methods == null || (methodName != null && methods.matcher(methodName).matches());
    }
  }

  private final List<Rule> includes;
  private final List<Rule> excludes;

  TestPatternFilter(List<String> patterns) {
    List<Rule> rules = patterns.stream().map(Rule::parse).toList();
    this.includes = rules.stream().filter(r -> !r.exclude()).toList();
    this.excludes = rules.stream().filter(Rule::exclude).toList();
  }

  @Override
  public FilterResult apply(TestDescriptor descriptor) {
    TestSource source = descriptor.getSource().orElse(null);
    String className;
    String methodName = null;
    if (source instanceof MethodSource m) {
      className = m.getClassName();
      methodName = m.getMethodName();
    } else if (source instanceof ClassSource c && descriptor.isTest()) {
      className = c.getClassName();
    } else {
      return FilterResult.included("a container: kept while it has tests");
    }
    String name = methodName;
    boolean included =
        includes.isEmpty() || includes.stream().anyMatch(r -> r.matches(className, name));
    boolean excluded = excludes.stream().anyMatch(r -> r.matches(className, name));
    return FilterResult.includedIf(
        included && !excluded, () -> "matches -Dit.test", () -> "does not match -Dit.test");
  }
}
