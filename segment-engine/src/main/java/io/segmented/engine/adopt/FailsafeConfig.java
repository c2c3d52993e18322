package io.segmented.engine.adopt;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a module's {@code maven-failsafe-plugin} declares, as far as a manifest can carry it over.
 * The Maven layer reads it from the effective POM; everything here is plain data.
 *
 * @param declared whether the module declares failsafe at all
 * @param bound whether {@code mvn verify} runs failsafe's {@code integration-test} goal: an
 *     execution binds it and its configuration does not skip
 * @param includes failsafe's {@code <includes>}; empty for its defaults
 * @param excludes failsafe's {@code <excludes>}
 * @param groups failsafe's {@code <groups>}: JUnit tag expressions, comma-separated; empty for none
 * @param excludedGroups failsafe's {@code <excludedGroups>}
 * @param systemProperties {@code <systemPropertyVariables>} (and the older {@code
 *     <systemProperties>})
 * @param environment {@code <environmentVariables>}
 * @param argLine {@code <argLine>}; empty for none
 * @param configurationParameters the JUnit configuration parameters of {@code
 *     <properties><configurationParameters>}
 * @param timeoutSeconds {@code <forkedProcessTimeoutInSeconds>}; empty when not set
 */
public record FailsafeConfig(
    boolean declared,
    boolean bound,
    List<String> includes,
    List<String> excludes,
    String groups,
    String excludedGroups,
    Map<String, String> systemProperties,
    Map<String, String> environment,
    String argLine,
    Map<String, String> configurationParameters,
    Optional<Integer> timeoutSeconds) {

  /** A module that does not declare failsafe: its defaults. */
  public static final FailsafeConfig NONE =
      new FailsafeConfig(
          false,
          false,
          List.of(),
          List.of(),
          "",
          "",
          Map.of(),
          Map.of(),
          "",
          Map.of(),
          Optional.empty());

  public FailsafeConfig {
    includes = List.copyOf(includes);
    excludes = List.copyOf(excludes);
    systemProperties = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(systemProperties));
    environment = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(environment));
    configurationParameters =
        java.util.Collections.unmodifiableMap(new LinkedHashMap<>(configurationParameters));
  }

  /** The class-name patterns failsafe runs, its defaults when it declares none. */
  public FailsafePatterns patterns() {
    return FailsafePatterns.of(includes, excludes);
  }
}
